/**
 * The policy rules the gateway enforces on every field (POLICY-RULES.md), one block per rule, over
 * HTTP: each denial is a FORBIDDEN error at the field's response path naming the rule and its
 * article; strict mode rejects the operation, partial mode removes the denied fields.
 */
import { describe, expect, it } from "@jest/globals";
import type { Principal } from "@hub/contracts";
import { DEFAULT_AUDIENCE, DEMO_ISSUER, keyFiles, loadSigningKey, mintToken } from "@hub/gateway";
import { auditEventOf } from "../harness/auditDb";
import { as, gql, hub, personaToken, world, type Answer } from "../harness/fixtures";

/** Articles of Convention 108+ as the rules table of POLICY-RULES.md gives them. */
const ARTICLES: Record<string, string> = {
  "R5-1": "Art. 5(2), 5(4)(b)",
  "R5-3": "Art. 5(1)",
  "R5-6": "Art. 5(4)(b), 11(2)",
  "R6-1": "Art. 6",
  "R6-3": "Art. 6, 5(4)(c)",
  "R11-1": "Art. 11(1)(a)",
  "R14-1": "Art. 14",
  "R14-2": "Art. 14(1), 14(4)",
  "RA-1": "Art. 10",
};

const TODAY = new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** An adult whose records are current, with an asylum application and border crossings. */
function asylumApplicant() {
  const w = world();
  const adultBornBefore = `${Number(TODAY.slice(0, 4)) - 19}${TODAY.slice(4)}`;
  const current = (r: { retainUntil: string }) => r.retainUntil > TODAY;
  const person = w.persons.find((p) => {
    const applications = w.asylumApplications.filter((a) => a.personRef === p.personRef);
    const crossings = w.crossings.filter((c) => c.personRef === p.personRef);
    return (
      current(p) &&
      p.dateOfBirth < adultBornBefore &&
      applications.length > 0 &&
      applications.every(current) &&
      crossings.length > 0 &&
      crossings.every(current)
    );
  });
  if (!person) throw new Error("the seeded world has no adult asylum applicant with current records");
  return person;
}

/** A token for a principal no persona describes, signed by the demo identity provider. */
async function tokenFor(principal: Principal): Promise<string> {
  const key = await loadSigningKey(keyFiles(hub.keysDir, "idp").privateJwk);
  return mintToken(key, principal, { issuer: DEMO_ISSUER, audience: DEFAULT_AUDIENCE, ttlSeconds: 600 });
}

type Denial = [path: string[], rule: string];

const byPath = <T>(items: readonly T[], pathOf: (item: T) => readonly unknown[] | undefined) =>
  [...items].sort((a, b) => (pathOf(a) ?? []).join(".").localeCompare((pathOf(b) ?? []).join(".")));

const forbidden = ([path, rule]: Denial) =>
  expect.objectContaining({
    path,
    extensions: expect.objectContaining({
      code: "FORBIDDEN",
      rule,
      article: expect.stringContaining(ARTICLES[rule] ?? "Art."),
      reason: expect.stringMatching(/\S/),
    }),
  });

/** The hub's errors are exactly these denials, one per field, in any order. */
function expectDenials(res: Answer, denials: readonly Denial[]) {
  expect(byPath(res.body.errors ?? [], (e) => e.path)).toEqual(byPath(denials, ([path]) => path).map(forbidden));
}

/**
 * Strict mode: the whole operation is rejected with 403, one error per denied field, no data; its
 * audit event says DENIED, names each rule, and lists no category as disclosed.
 */
async function expectRejected(res: Answer, denials: readonly Denial[]) {
  expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 403, errors: expect.any(Array) });
  expectDenials(res, denials);
  expect(res.body.data ?? null).toBeNull();
  const event = await auditEventOf(res.headers.get("x-request-id"));
  expect(event).toMatchObject({ outcome: "DENIED", categories: [], disclosedPersonRefs: [] });
  expect(new Set(event?.fieldsDenied.map((f) => f.rule))).toEqual(new Set(denials.map(([, rule]) => rule)));
}

/** Served in full: 200 without errors, and an ALLOWED audit event listing the categories that came back. */
async function expectServed(res: Answer, categories: readonly string[]) {
  expect({ status: res.status, errors: res.body.errors ?? [] }).toEqual({ status: 200, errors: [] });
  const event = await auditEventOf(res.headers.get("x-request-id"));
  expect(event).toMatchObject({ outcome: "ALLOWED", fieldsDenied: [], categories: [...categories].sort() });
}

const PERSON_QUERY = `query ($ref: ID!) { person(personRef: $ref) { familyName } }`;
const PERSON_DENIED = (rule: string): Denial[] => [
  [["person"], rule],
  [["person", "familyName"], rule],
];

describe("R5-2 minimisation: every field is decided, however it is reached", () => {
  const ref = () => asylumApplicant().personRef;

  it.each([
    [
      "a named fragment",
      `query ($ref: ID!) { person(personRef: $ref) { familyName ...Claims } }
       fragment Claims on Person { asylumApplications { grounds } }`,
      ["person", "asylumApplications"],
      ["person", "asylumApplications", "grounds"],
    ],
    [
      "an inline fragment",
      `query ($ref: ID!) { person(personRef: $ref) { familyName ... on Person { asylumApplications { grounds } } } }`,
      ["person", "asylumApplications"],
      ["person", "asylumApplications", "grounds"],
    ],
    [
      "aliases",
      `query ($ref: ID!) { person(personRef: $ref) { familyName claims: asylumApplications { why: grounds } } }`,
      ["person", "claims"],
      ["person", "claims", "why"],
    ],
    [
      "a nested entity path",
      `query ($ref: ID!) { crossings(personRef: $ref) { crossedAt person { asylumApplications { grounds } } } }`,
      ["crossings", "person", "asylumApplications"],
      ["crossings", "person", "asylumApplications", "grounds"],
    ],
  ])(
    "denies asylum grounds to the border officer through %s, at the field's path",
    async (_way, query, list, grounds) => {
      const res = await gql(query, { ...(await as("border-officer")), variables: { ref: ref() } });
      await expectRejected(res, [
        [list, "R6-3"],
        [grounds, "R6-3"],
      ]);
      for (const error of res.body.errors ?? []) {
        expect(error.extensions).toMatchObject({ category: "ASYLUM", owner: "MIGRATION_SERVICE" });
      }
    },
  );

  const MIXED = `query ($ref: ID!) {
    person(personRef: $ref) {
      personRef familyName isProtectionHolder
      asylumApplications { grounds outcome }
      residencePermits { status }
    }
  }`;
  const MIXED_DENIED: Denial[] = [
    [["person", "asylumApplications"], "R6-3"],
    [["person", "asylumApplications", "grounds"], "R6-3"],
    [["person", "asylumApplications", "outcome"], "R6-3"],
    [["person", "residencePermits"], "R5-1"],
    [["person", "residencePermits", "status"], "R5-1"],
  ];

  it("strict mode (default) answers 403 with one error per denied field and no data", async () => {
    const res = await gql(MIXED, { ...(await as("border-officer")), variables: { ref: ref() } });
    await expectRejected(res, MIXED_DENIED);
  });

  it("partial mode (X-Hub-Partial: true) answers 200 with the allowed fields and an error per removed field", async () => {
    const person = asylumApplicant();
    const res = await gql(MIXED, {
      ...(await as("border-officer")),
      variables: { ref: person.personRef },
      headers: { "X-Hub-Partial": "true" },
    });
    expect(res.status).toBe(200);
    expectDenials(res, MIXED_DENIED);
    const served = res.body.data?.person as Record<string, unknown>;
    expect(served).toEqual({
      personRef: person.personRef,
      familyName: person.familyName,
      isProtectionHolder: expect.any(Boolean),
    });
    expect(served).not.toHaveProperty("asylumApplications");
    expect(served).not.toHaveProperty("residencePermits");
    const event = await auditEventOf(res.headers.get("x-request-id"));
    expect(event).toMatchObject({ outcome: "PARTIAL", categories: ["FLAG", "IDENTIFIER", "IDENTITY"] });
    expect(event?.disclosedPersonRefs).toEqual([person.personRef]);
    expect(new Set(event?.fieldsDenied.map((f) => f.rule))).toEqual(new Set(["R6-3", "R5-1"]));
  });

  it("partial mode refuses with 403 when every field asked for is denied", async () => {
    const res = await gql(`query ($ref: ID!) { person(personRef: $ref) { asylumApplications { grounds } } }`, {
      ...(await as("border-officer")),
      variables: { ref: ref() },
      headers: { "X-Hub-Partial": "true" },
    });
    await expectRejected(res, [
      [["person", "asylumApplications"], "R6-3"],
      [["person", "asylumApplications", "grounds"], "R6-3"],
    ]);
  });
});

describe("R5-3 proportionality: lists of persons need a key", () => {
  it("denies the border officer crossings by crossing point without a person key, serves them by personRef", async () => {
    const officer = await as("border-officer");
    const unkeyed = await gql(`{ crossings(crossingPointCode: "EVN") { crossedAt } }`, officer);
    await expectRejected(unkeyed, [[["crossings"], "R5-3"]]);
    expect(unkeyed.body.errors?.[0]?.extensions?.hint).toMatch(/personRef/);

    const person = asylumApplicant();
    const keyed = await gql(`query ($ref: ID!) { crossings(personRef: $ref) { crossedAt } }`, {
      ...officer,
      variables: { ref: person.personRef },
    });
    await expectServed(keyed, ["TRAVEL"]);
    expect((keyed.body.data?.crossings as unknown[]).length).toBe(
      world().crossings.filter((c) => c.personRef === person.personRef).length,
    );
  });
});

describe("R5-6 statistics: aggregates and reference data only", () => {
  it("denies the statistician a person, identifiers included, and serves indicators", async () => {
    const statistician = await as("statistician");
    const ref = asylumApplicant().personRef;
    const person = await gql(`query ($ref: ID!) { person(personRef: $ref) { personRef familyName } }`, {
      ...statistician,
      variables: { ref },
    });
    await expectRejected(person, [
      [["person"], "R5-6"],
      [["person", "personRef"], "R5-6"],
      [["person", "familyName"], "R5-6"],
    ]);
    expect(person.body.errors?.[0]?.extensions?.hint).toMatch(/observations|indicators/);

    const indicators = await gql(`{ indicators { code subjectCategory } }`, statistician);
    await expectServed(indicators, ["REFERENCE"]);
    expect((indicators.body.data?.indicators as unknown[]).length).toBeGreaterThan(0);
  });
});

describe("R6-1 special categories need a clause naming them for the caller's role", () => {
  it("denies the caseworker biometrics and the investigator asylum data, even with an authorisation", async () => {
    const ref = asylumApplicant().personRef;
    const caseworker = await gql(`query ($ref: ID!) { crossings(personRef: $ref) { crossedAt biometricMatchScore } }`, {
      ...(await as("trafficking-caseworker")),
      variables: { ref },
    });
    await expectRejected(caseworker, [[["crossings", "biometricMatchScore"], "R6-1"]]);

    // R11-1: an authorisation reference never lifts R6-1.
    const investigator = await gql(`query ($ref: ID!) { person(personRef: $ref) { asylumApplications { grounds } } }`, {
      token: await personaToken("border-investigator"),
      purpose: "CRIMINAL_INVESTIGATION",
      variables: { ref },
      headers: { "X-Authorization-Ref": `PO-2026-0042@${inDays(30)}` },
    });
    await expectRejected(investigator, [
      [["person", "asylumApplications"], "R6-1"],
      [["person", "asylumApplications", "grounds"], "R6-1"],
    ]);
  });
});

describe("R6-3 other agencies get FLAG fields instead of special-category content", () => {
  it("denies the border officer asylum content naming R6-3, with a hint to the FLAG fields, and serves the flag", async () => {
    const officer = await as("border-officer");
    const ref = asylumApplicant().personRef;
    const content = await gql(`query ($ref: ID!) { person(personRef: $ref) { asylumApplications { grounds } } }`, {
      ...officer,
      variables: { ref },
    });
    await expectRejected(content, [
      [["person", "asylumApplications"], "R6-3"],
      [["person", "asylumApplications", "grounds"], "R6-3"],
    ]);
    for (const error of content.body.errors ?? []) {
      expect(error.extensions?.hint).toEqual(expect.stringMatching(/FLAG/));
      expect(error.extensions?.hint).toEqual(expect.stringContaining("isProtectionHolder"));
    }

    const flag = await gql(`query ($ref: ID!) { person(personRef: $ref) { isProtectionHolder } }`, {
      ...officer,
      variables: { ref },
    });
    await expectServed(flag, ["FLAG", "IDENTITY"]);
    expect(typeof (flag.body.data?.person as { isProtectionHolder: unknown }).isProtectionHolder).toBe("boolean");
  });
});

describe("R11-1 criminal investigations need a current authorisation reference", () => {
  const investigator = async (headers: Record<string, string> = {}) =>
    gql(PERSON_QUERY, {
      token: await personaToken("border-investigator"),
      purpose: "CRIMINAL_INVESTIGATION",
      variables: { ref: asylumApplicant().personRef },
      headers,
    });

  it("denies without X-Authorization-Ref, with an expired one, refuses a malformed one, serves a current one", async () => {
    const without = await investigator();
    await expectRejected(without, PERSON_DENIED("R11-1"));
    expect(without.body.errors?.[0]?.extensions?.hint).toMatch(/X-Authorization-Ref/);

    await expectRejected(await investigator({ "X-Authorization-Ref": "PO-1@2020-01-01" }), PERSON_DENIED("R11-1"));

    const malformed = await investigator({ "X-Authorization-Ref": "prosecutor said so" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.data ?? null).toBeNull();
    expect(malformed.body.errors?.map((e) => e.extensions?.code)).toEqual(["AUTHORIZATION_REF_INVALID"]);

    // The gateway's field-level decision: nothing is denied with a current order.
    await expectServed(await investigator({ "X-Authorization-Ref": `PO-2026-0042@${inDays(30)}` }), ["IDENTITY"]);
  });
});

describe("R14-1 transfers abroad only to countries with an adequate regime", () => {
  it.each([
    ["RU", "NONE"],
    ["IR", "NONE"],
    ["CN", "not listed, so NONE"],
  ])("denies a border officer from %s (regime %s) personal data, serves reference data", async (country) => {
    const officer = await as("border-officer", { country });
    const person = await gql(PERSON_QUERY, { ...officer, variables: { ref: asylumApplicant().personRef } });
    await expectRejected(person, PERSON_DENIED("R14-1"));

    const points = await gql(`{ crossingPoints { code name } }`, officer);
    await expectServed(points, ["REFERENCE"]);
    expect((points.body.data?.crossingPoints as unknown[]).length).toBeGreaterThan(0);
  });

  it.each([
    ["GE", "PARTY"],
    ["KZ", "BINDING_SAFEGUARDS"],
    ["KG", "LAW_OR_TREATY"],
  ])("denies a border officer's token from %s (regime %s) its agency's agreements (R14-2)", async (country) => {
    // A foreign recipient reads only under an agreement naming its authority (tests/e2e/foreignRecipients.test.ts).
    const res = await gql(PERSON_QUERY, {
      ...(await as("border-officer", { country })),
      variables: { ref: asylumApplicant().personRef },
    });
    await expectRejected(res, PERSON_DENIED("R14-2"));
  });
});

describe("RA-1 auditors read the audit log, never personal payload", () => {
  it("denies the auditor a person and crossings, serves reference data", async () => {
    const auditor = await as("auditor");
    const ref = asylumApplicant().personRef;
    await expectRejected(await gql(PERSON_QUERY, { ...auditor, variables: { ref } }), PERSON_DENIED("RA-1"));
    await expectRejected(
      await gql(`query ($ref: ID!) { crossings(personRef: $ref) { crossedAt } }`, { ...auditor, variables: { ref } }),
      [
        [["crossings"], "RA-1"],
        [["crossings", "crossedAt"], "RA-1"],
      ],
    );
    await expectServed(await gql(`{ crossingPoints { code } }`, auditor), ["REFERENCE"]);
  });
});

describe("R5-1 an agreement past its validTo grants nothing", () => {
  it("denies a Migration Service analyst crossings under the expired AGR-BP-MS-PILOT-2023", async () => {
    const analyst = await tokenFor({
      subject: "analyst-0400",
      agency: "MIGRATION_SERVICE",
      role: "analyst",
      purposes: ["RESIDENCE_ADMIN"],
      country: "AM",
      cases: [],
    });
    const ref = asylumApplicant().personRef;
    const res = await gql(`query ($ref: ID!) { crossings(personRef: $ref) { crossedAt } }`, {
      token: analyst,
      purpose: "RESIDENCE_ADMIN",
      variables: { ref },
    });
    await expectRejected(res, [
      [["crossings"], "R5-1"],
      [["crossings", "crossedAt"], "R5-1"],
    ]);
    for (const error of res.body.errors ?? []) {
      expect(error.extensions?.policies).not.toContain("AGR-BP-MS-PILOT-2023");
    }

    // The clerk of the same agency, under the active AGR-BP-MS-RESIDENCE, is served.
    await expectServed(
      await gql(`query ($ref: ID!) { crossings(personRef: $ref) { crossedAt } }`, {
        ...(await as("migration-clerk")),
        variables: { ref },
      }),
      ["TRAVEL"],
    );
  });
});
