/**
 * Foreign recipients over HTTP (R14-1, R14-2, R14-3): a foreign authority's persona gets only what
 * the agreements naming its authority list; personal data never goes to a country whose regime is
 * NONE; a token from abroad claiming a domestic agency gets none of that agency's agreements; the
 * protection flag ignores applications from the caller's own country; the audit log and the
 * subject access report name the recipient's authority and country.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "pg";
import type { AuditEventContent } from "@hub/contracts";
import { auditEventOf, withAuditDb } from "../harness/auditDb";
import {
  as,
  asRecipient,
  badForeignTokens,
  gql,
  hub,
  principalToken,
  world,
  type Answer,
  type RequestOptions,
} from "../harness/fixtures";

const ARTICLES: Record<string, string> = {
  "R5-1": "Art. 5(2), 5(4)(b)",
  "R6-1": "Art. 6",
  "R6-3": "Art. 6, 5(4)(c)",
  "R11-1": "Art. 11(1)(a)",
  "R14-1": "Art. 14",
  "R14-2": "Art. 14(1), 14(4)",
};

const TODAY = new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const current = (r: { retainUntil: string }) => r.retainUntil > TODAY;
const adult = (p: { dateOfBirth: string }) =>
  `${Number(p.dateOfBirth.slice(0, 4)) + 18}${p.dateOfBirth.slice(4)}` <= TODAY;

/** Adults with current records and current crossings, none of them an asylum applicant. */
function travellers() {
  const w = world();
  const applicants = new Set(w.asylumApplications.map((a) => a.personRef));
  return w.persons.filter((p) => {
    const crossings = w.crossings.filter((c) => c.personRef === p.personRef);
    return current(p) && adult(p) && !applicants.has(p.personRef) && crossings.length > 0 && crossings.every(current);
  });
}
function traveller(index: number) {
  const person = travellers()[index];
  if (!person) throw new Error(`the seeded world has fewer than ${index + 1} adult travellers with current records`);
  return person;
}

type Denial = [path: string[], rule: string];
const key = ([path, rule]: Denial) => `${path.join(".")} ${rule}`;

/**
 * Strict mode: 403, no data, and exactly these denials, each FORBIDDEN with its rule and article;
 * the audit event says DENIED and lists nothing as disclosed.
 */
async function expectRejected(res: Answer, denials: readonly Denial[]) {
  expect(res.status).toBe(403);
  expect(res.body.data ?? null).toBeNull();
  const errors = res.body.errors ?? [];
  for (const error of errors) {
    const rule = String(error.extensions?.rule);
    expect(error.extensions).toMatchObject({ code: "FORBIDDEN", rule, reason: expect.stringMatching(/\S/) });
    expect(error.extensions?.article).toEqual(expect.stringContaining(ARTICLES[rule] ?? "Art."));
  }
  expect(errors.map((e) => key([(e.path ?? []).map(String), String(e.extensions?.rule)])).sort()).toEqual(
    denials.map(key).sort(),
  );
  const event = await auditEventOf(res.headers.get("x-request-id"));
  expect(event).toMatchObject({ outcome: "DENIED", categories: [], disclosedPersonRefs: [] });
}

/** 200 without errors; the audit event's outcome (ALLOWED unless a subgraph withheld something silently). */
async function expectServed(res: Answer, outcome: "ALLOWED" | "PARTIAL" = "ALLOWED"): Promise<AuditEventContent> {
  expect({ status: res.status, errors: res.body.errors ?? [] }).toEqual({ status: 200, errors: [] });
  const event = await auditEventOf(res.headers.get("x-request-id"));
  expect(event?.outcome).toBe(outcome);
  if (!event) throw new Error("the request left no audit event");
  return event;
}

/** The latest audit event of a subject (written before the response left, R7-2). */
async function lastEventOf(subject: string): Promise<AuditEventContent> {
  const row = await withAuditDb(
    async (db) =>
      (
        await db.query<{ content: string }>(
          "SELECT content FROM audit_event WHERE subject = $1 ORDER BY seq DESC LIMIT 1",
          [subject],
        )
      ).rows[0],
  );
  if (!row) throw new Error(`no audit event of ${subject}`);
  return JSON.parse(row.content) as AuditEventContent;
}

const PERSON = `query ($ref: ID!) { person(personRef: $ref) { familyName } }`;
const PERSON_DENIED = (rule: string): Denial[] => [
  [["person"], rule],
  [["person", "familyName"], rule],
];

describe("Türkiye's readmission officer reads under AGR-MS-TR-READMISSION and AGR-BP-TR-READMISSION only", () => {
  const person = traveller(0);

  it("is served identity, crossings and the status flags, and the audit names TR-PMM in TR", async () => {
    const res = await gql(
      `query ($ref: ID!) {
        person(personRef: $ref) {
          familyName dateOfBirth isMinor hasValidPermit isProtectionHolder reflectionPeriodActive
          crossings(first: 5) { crossedAt }
        }
      }`,
      { ...(await asRecipient("tr-readmission-officer")), variables: { ref: person.personRef } },
    );
    await expectServed(res);
    const served = res.body.data?.person as { familyName: string; dateOfBirth: string; crossings: unknown[] };
    expect(served).toMatchObject({ familyName: person.familyName, dateOfBirth: person.dateOfBirth, isMinor: false });
    expect(served.crossings.length).toBeGreaterThan(0);

    const event = await lastEventOf("tr-pmm-readmission-017");
    expect(event).toMatchObject({ agency: "TR-PMM", country: "TR", role: "readmission-officer", outcome: "ALLOWED" });
    expect(event.agreements).toEqual(["AGR-BP-TR-READMISSION", "AGR-MS-TR-READMISSION"]);
  });

  it("is refused what its agreements do not list, each with its rule and article", async () => {
    const res = await gql(
      `query ($ref: ID!) {
        person(personRef: $ref) {
          familyName
          residencePermits { permitType }
          asylumApplications { grounds }
          entryBans { grounds }
        }
      }`,
      { ...(await asRecipient("tr-readmission-officer")), variables: { ref: person.personRef } },
    );
    await expectRejected(res, [
      [["person", "residencePermits"], "R5-1"],
      [["person", "residencePermits", "permitType"], "R5-1"],
      [["person", "asylumApplications"], "R6-3"],
      [["person", "asylumApplications", "grounds"], "R6-3"],
      [["person", "entryBans"], "R6-1"],
      [["person", "entryBans", "grounds"], "R6-1"],
    ]);
  });
});

describe("Georgia's police investigator reads under AGR-BP-GE-POLICE and AGR-MS-GE-POLICE only", () => {
  const person = traveller(1);
  const withOrder = async (): Promise<RequestOptions> => ({
    ...(await asRecipient("ge-police-investigator")),
    headers: { "X-Authorization-Ref": `MLA-GE-2026-0007@${inDays(30)}` },
  });

  it("is served identity, crossings and entry bans under an authorisation reference", async () => {
    const res = await gql(
      `query ($ref: ID!) { person(personRef: $ref) { familyName crossings(first: 5) { crossedAt } entryBans { issuedOn } } }`,
      { ...(await withOrder()), variables: { ref: person.personRef } },
    );
    await expectServed(res);
    expect(res.body.data?.person).toMatchObject({ familyName: person.familyName });
    expect(await lastEventOf("ge-mia-investigator-042")).toMatchObject({ agency: "GE-MIA", country: "GE" });
  });

  it("still needs the authorisation reference (R11-1)", async () => {
    const res = await gql(PERSON, {
      ...(await asRecipient("ge-police-investigator")),
      variables: { ref: person.personRef },
    });
    await expectRejected(res, PERSON_DENIED("R11-1"));
  });

  it("gets neither flags nor residence records: its agreements list none", async () => {
    const res = await gql(
      `query ($ref: ID!) { person(personRef: $ref) { isProtectionHolder residencePermits { permitType } } }`,
      { ...(await withOrder()), variables: { ref: person.personRef } },
    );
    await expectRejected(res, [
      [["person", "isProtectionHolder"], "R5-1"],
      [["person", "residencePermits"], "R5-1"],
      [["person", "residencePermits", "permitType"], "R5-1"],
    ]);
  });
});

describe("R14-1 no personal data to a country whose regime is NONE", () => {
  const official = (agency: string, country: string) =>
    principalToken({
      subject: `${agency.toLowerCase()}-official-1`,
      agency: agency as `${string}-${string}`,
      role: "readmission-officer",
      purposes: ["RETURN_ENFORCEMENT"],
      country,
      cases: [],
    });

  it.each([
    ["RU-MVD", "RU", "NONE"],
    ["BY-MVD", "BY", "NONE"],
    ["CN-MPS", "CN", "not listed, so NONE"],
  ])("denies %s (%s, regime %s) personal data, serves reference data", async (agency, country) => {
    const options = { token: await official(agency, country), purpose: "RETURN_ENFORCEMENT" };
    await expectRejected(
      await gql(PERSON, { ...options, variables: { ref: traveller(0).personRef } }),
      PERSON_DENIED("R14-1"),
    );
    const points = await gql(`{ crossingPoints { code } }`, options);
    await expectServed(points);
    expect((points.body.data?.crossingPoints as unknown[]).length).toBeGreaterThan(0);
  });

  it("lets a PARTY country's authority through the regime gate, to find no agreement naming it (R5-1)", async () => {
    const options = { token: await official("DE-BPOL", "DE"), purpose: "RETURN_ENFORCEMENT" };
    await expectRejected(
      await gql(PERSON, { ...options, variables: { ref: traveller(0).personRef } }),
      PERSON_DENIED("R5-1"),
    );
  });
});

describe("R14-2 a token from abroad claiming a domestic agency gets none of that agency's agreements", () => {
  const ref = () => traveller(2).personRef;
  const query = `query ($ref: ID!) { person(personRef: $ref) { familyName } crossings(personRef: $ref) { crossedAt } }`;

  it.each(["TR", "GE", "DE"])("denies a border officer's token from %s, and audits the refusal", async (country) => {
    const res = await gql(query, { ...(await as("border-officer", { country })), variables: { ref: ref() } });
    await expectRejected(res, [
      ...PERSON_DENIED("R14-2"),
      [["crossings"], "R14-2"],
      [["crossings", "crossedAt"], "R14-2"],
    ]);
    const event = await lastEventOf("officer-0147");
    expect(event).toMatchObject({ agency: "BORDER_POLICE", country, outcome: "DENIED", categories: [] });
    expect(new Set(event.fieldsDenied.map((f) => f.rule))).toEqual(new Set(["R14-2"]));
  });

  it("serves the same officer at home", async () => {
    await expectServed(await gql(query, { ...(await as("border-officer")), variables: { ref: ref() } }));
  });

  it.each(Object.keys(badForeignTokens) as (keyof typeof badForeignTokens)[])(
    "refuses a foreign token with %s as UNAUTHENTICATED",
    async (name) => {
      const res = await gql(PERSON, {
        token: await badForeignTokens[name](),
        purpose: "RETURN_ENFORCEMENT",
        variables: { ref: ref() },
      });
      expect(res.status).toBe(401);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    },
  );
});

describe("R14-3 the protection flag is withheld from the applicant's country of origin", () => {
  // Two recognised refugees: one who fled Türkiye, one who fled Syria (inserted for the test).
  const fromTurkey = traveller(3);
  const fromSyria = traveller(4);
  const APPLICATIONS = [
    ["AS-2026-99998", fromTurkey.personRef, "TR"],
    ["AS-2026-99997", fromSyria.personRef, "SY"],
  ] as const;
  const db = new Client({ connectionString: hub.databaseUrls["migration-service"] });

  beforeAll(async () => {
    await db.connect();
    for (const [id, ref, origin] of APPLICATIONS) {
      await db.query(
        `INSERT INTO asylum_application (application_id, person_ref, lodged_on, first_time, country_of_origin, grounds,
           unaccompanied_minor, outcome, decided_on, retain_until)
         VALUES ($1, $2, '2025-03-02', true, $3, '{POLITICAL_OPINION}', false, 'REFUGEE_STATUS', '2025-09-01', '2035-09-01')`,
        [id, ref, origin],
      );
    }
  });
  afterAll(async () => {
    await db.query(`DELETE FROM asylum_application WHERE application_id = ANY($1)`, [APPLICATIONS.map(([id]) => id)]);
    await db.end();
  });

  const flags = `query ($tr: ID!, $sy: ID!) {
    fromTurkey: person(personRef: $tr) { isProtectionHolder }
    fromSyria: person(personRef: $sy) { isProtectionHolder }
  }`;
  const variables = { tr: fromTurkey.personRef, sy: fromSyria.personRef };

  it("answers Türkiye's officer as if the Turkish refugee's application did not exist, silently", async () => {
    const res = await gql(flags, { ...(await asRecipient("tr-readmission-officer")), variables });
    // Silent to the caller, not to the audit log: the refusal is recorded, under R14-3 (R7-2).
    const event = await expectServed(res, "PARTIAL");
    expect(event.refusals).toEqual([
      expect.objectContaining({
        rule: "R14-3",
        category: "FLAG",
        owner: "MIGRATION_SERVICE",
        count: 1,
        silent: true,
        personRefs: [fromTurkey.personRef],
      }),
    ]);
    // The subject access reports: the Syrian refugee's flag went to Türkiye; the Turkish refugee's did not count.
    const report = async (ref: string) => {
      const sar = await gql(
        `query ($ref: ID!) { subjectAccessReport(personRef: $ref) { disclosures { occurredAt authority categories } } }`,
        { ...(await as("dpo")), variables: { ref } },
      );
      const { disclosures } = sar.body.data?.subjectAccessReport as {
        disclosures: { occurredAt: string; authority: string; categories: string[] }[];
      };
      return disclosures.find((d) => d.occurredAt === event.occurredAt);
    };
    expect(await report(fromSyria.personRef)).toMatchObject({ authority: "TR-PMM", categories: ["FLAG", "IDENTITY"] });
    expect(await report(fromTurkey.personRef)).toMatchObject({ authority: "TR-PMM", categories: ["IDENTITY"] });
    expect(res.body.data).toEqual({
      fromTurkey: { isProtectionHolder: false },
      fromSyria: { isProtectionHolder: true },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/R14-3|withheld/);
  });

  it("answers the hub's own border officer with both", async () => {
    const res = await gql(flags, { ...(await as("border-officer")), variables });
    await expectServed(res);
    expect(res.body.data).toEqual({
      fromTurkey: { isProtectionHolder: true },
      fromSyria: { isProtectionHolder: true },
    });
  });
});

describe("R14-2 the subject access report names the recipient's authority and country", () => {
  it("lists Türkiye's readmission officer's disclosure as TR-PMM in TR", async () => {
    const person = traveller(5);
    await expectServed(
      await gql(PERSON, { ...(await asRecipient("tr-readmission-officer")), variables: { ref: person.personRef } }),
    );
    const res = await gql(
      `query ($ref: ID!) {
        subjectAccessReport(personRef: $ref) {
          disclosures { agency authority authorityName country purpose categories agreements { id } }
        }
      }`,
      { ...(await as("dpo")), variables: { ref: person.personRef } },
    );
    await expectServed(res);
    const { disclosures } = res.body.data?.subjectAccessReport as { disclosures: Record<string, unknown>[] };
    expect(disclosures).toContainEqual({
      agency: "TR-PMM",
      authority: "TR-PMM",
      authorityName: "Presidency of Migration Management of Türkiye",
      country: "TR",
      purpose: "RETURN_ENFORCEMENT",
      categories: ["IDENTITY"],
      agreements: [{ id: "AGR-MS-TR-READMISSION" }],
    });
  });
});
