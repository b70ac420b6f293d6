/**
 * Record-level rules, decided in the subgraphs and seen through the gateway: retention (R5-4),
 * country of origin (R14-3), assigned caseworker and minors (R6-1), and flags that count records
 * the caller may not read. A withheld record is a refusal (R7-2): a FORBIDDEN error at its path in
 * the client's response, naming rule and article, except under R14-3, which stays silent.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "pg";
import { withheldReportsSchema } from "@hub/contracts";
import {
  as,
  gql,
  hub,
  hubContextToken,
  personaToken,
  principalOf,
  repoRoot,
  world,
  type GraphQLResponseBody,
} from "../harness/fixtures";

// The hub decides with the real date; the world's lapsed records ended before its asOf
// (2026-11-01) and the retained ones run at least 180 days past it, so neither is borderline.
const today = new Date().toISOString().slice(0, 10);
const retained = (r: { retainUntil: string }) => r.retainUntil >= today;
const adult = (p: { dateOfBirth: string }) =>
  `${Number(p.dateOfBirth.slice(0, 4)) + 18}${p.dateOfBirth.slice(4)}` <= today;

function pick<T>(items: readonly T[], test: (item: T) => boolean, what: string): T {
  const found = items.find(test);
  if (!found) throw new Error(`the seeded world has no ${what}`);
  return found;
}

const personRetained = (ref: string) => world().persons.some((p) => p.personRef === ref && retained(p));

type ResponseError = NonNullable<GraphQLResponseBody["errors"]>[number];
const RETENTION = { rule: "R5-4", article: "108+ Art. 5(4)(e)" };

/** The error at exactly this path (there must be one). */
function errorAt(body: GraphQLResponseBody, path: (string | number)[]): ResponseError {
  const found = body.errors?.filter((e) => JSON.stringify(e.path) === JSON.stringify(path)) ?? [];
  expect(found).toHaveLength(1);
  return found[0] as ResponseError;
}

describe("retention (R5-4)", () => {
  it("refuses a person past retention at its path, naming the rule, and serves a retained one in full", async () => {
    const w = world();
    const gone = pick(w.persons, (p) => !retained(p), "person past retention");
    const kept = pick(w.persons, retained, "retained person");
    const query = `query ($ref: ID!) { person(personRef: $ref) { personRef givenName } }`;
    const officer = await as("border-officer");
    const lapsed = await gql(query, { ...officer, variables: { ref: gone.personRef } });
    expect(lapsed.status).toBe(200);
    expect(lapsed.body.data?.person).toBeNull();
    expect(lapsed.body.errors).toHaveLength(1);
    expect(errorAt(lapsed.body, ["person"]).extensions).toMatchObject({
      code: "FORBIDDEN",
      ...RETENTION,
      category: "IDENTITY",
      owner: "MIGRATION_SERVICE",
    });
    expect(errorAt(lapsed.body, ["person"]).extensions).not.toHaveProperty("withheld");
    const served = await gql(query, { ...officer, variables: { ref: kept.personRef } });
    expect(served.body.errors).toBeUndefined();
    expect(served.body.data?.person).toEqual({ personRef: kept.personRef, givenName: kept.givenName });
    const both = await gql(`query ($refs: [ID!]!) { persons(personRefs: $refs) { personRef } }`, {
      ...officer,
      variables: { refs: [gone.personRef, kept.personRef] },
    });
    expect(both.body.data?.persons).toEqual([{ personRef: kept.personRef }]);
    expect(errorAt(both.body, ["persons"]).extensions).toMatchObject({ code: "FORBIDDEN", ...RETENTION, withheld: 1 });
  });

  it("leaves crossings past retention out of a person's crossings and refuses them at the list's path", async () => {
    const w = world();
    const traveller = pick(
      w.persons.filter(retained),
      (p) => {
        const own = w.crossings.filter((c) => c.personRef === p.personRef);
        return own.some(retained) && own.some((c) => !retained(c));
      },
      "retained traveller with crossings both past and within retention",
    );
    const own = w.crossings.filter((c) => c.personRef === traveller.personRef);
    const res = await gql(
      `query ($ref: ID!) {
        crossings(personRef: $ref, first: 100) { id }
        person(personRef: $ref) { crossings(first: 100) { id } }
      }`,
      { ...(await as("border-officer")), variables: { ref: traveller.personRef } },
    );
    const ids = (list: unknown) => (list as { id: string }[]).map((c) => c.id).sort();
    const expected = own.filter(retained).map((c) => c.id);
    expect(ids(res.body.data?.crossings)).toEqual([...expected].sort());
    expect(ids((res.body.data?.person as { crossings: unknown }).crossings)).toEqual([...expected].sort());
    // The second list reaches the Border Police as an entity fetch (`_entities`, 0, crossings): the
    // gateway puts its refusal at the client's path.
    const lapsed = own.length - expected.length;
    expect(res.body.errors).toHaveLength(2);
    for (const path of [["crossings"], ["person", "crossings"]]) {
      const error = errorAt(res.body, path);
      expect(error.extensions).toMatchObject({
        code: "FORBIDDEN",
        ...RETENTION,
        category: "TRAVEL",
        owner: "BORDER_POLICE",
        withheld: lapsed,
      });
      expect(error.message).toContain("[R5-4, 108+ Art. 5(4)(e)]");
    }
  });

  it("refuses a withheld person at its place inside a list of crossings, keeping the crossings", async () => {
    const w = world();
    const traveller = pick(
      w.persons,
      (p) => !retained(p) && w.crossings.some((c) => c.personRef === p.personRef && retained(c)),
      "person past retention with crossings still retained",
    );
    const own = w.crossings.filter((c) => c.personRef === traveller.personRef && retained(c));
    const res = await gql(
      `query ($ref: ID!) { crossings(personRef: $ref, first: 100) { id person { personRef givenName } } }`,
      { ...(await as("border-officer")), variables: { ref: traveller.personRef } },
    );
    const crossings = res.body.data?.crossings as { id: string; person: unknown }[];
    expect(crossings.map((c) => c.id).sort()).toEqual(own.map((c) => c.id).sort());
    expect(crossings.every((c) => c.person === null)).toBe(true);
    expect(res.body.errors).toHaveLength(crossings.length);
    for (const i of crossings.keys()) {
      expect(errorAt(res.body, ["crossings", i, "person"]).extensions).toMatchObject({
        code: "FORBIDDEN",
        ...RETENTION,
        owner: "MIGRATION_SERVICE",
      });
    }
  });
});

/** The Migration Service database the harness created (server or embedded). */
function migrationServiceDatabaseUrl(): string {
  const url = hub.databaseUrls["migration-service"];
  if (!url) throw new Error("the harness created no Migration Service database");
  return url;
}

describe("country of origin (R14-3)", () => {
  // Every retained application in the world comes from a country whose regime is NONE, where R14-1
  // already refuses the caller at the gateway; so this adds one from UA (PARTY in regimes.yaml),
  // with a well-formed id (R5-3) that the generator, numbering each year from 1, never reaches.
  const APPLICATION = "AS-2026-99999";
  const ORIGIN = "UA";
  const w = world();
  if (w.asylumApplications.some((a) => a.applicationId === APPLICATION)) {
    throw new Error(`the seeded world already has ${APPLICATION}`);
  }
  const applicant = pick(
    w.persons,
    (p) => retained(p) && adult(p) && !w.asylumApplications.some((a) => a.personRef === p.personRef),
    "retained adult without asylum applications",
  );
  const db = new Client({ connectionString: migrationServiceDatabaseUrl() });

  beforeAll(async () => {
    await db.connect();
    await db.query(
      `INSERT INTO asylum_application (application_id, person_ref, lodged_on, first_time, country_of_origin, grounds,
         unaccompanied_minor, outcome, decided_on, retain_until)
       VALUES ($1, $2, '2026-03-02', true, $3, '{ARMED_CONFLICT}', false, 'PENDING', NULL, '2034-03-02')`,
      [APPLICATION, applicant.personRef, ORIGIN],
    );
  });
  afterAll(async () => {
    await db.query(`DELETE FROM asylum_application WHERE application_id = $1`, [APPLICATION]);
    await db.end();
  });

  const query = `query ($id: ID!, $ref: ID!) {
    asylumApplication(applicationId: $id) { applicationId }
    asylumApplications(personRef: $ref) { applicationId }
  }`;
  const variables = { id: APPLICATION, ref: applicant.personRef };

  it("withholds the application from an asylum officer of the applicant's country of origin, silently", async () => {
    const token = await personaToken("asylum-officer", { country: ORIGIN });
    const res = await gql(query, { token, purpose: "ASYLUM_PROCEDURE", variables });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ asylumApplication: null, asylumApplications: [] });
  });

  it("still reports that refusal to the gateway, marked silent, for the audit log (R7-2)", async () => {
    const token = await hubContextToken("migration-service", {
      principal: principalOf("asylum-officer", { country: ORIGIN }),
      purpose: "ASYLUM_PROCEDURE",
      requestId: "r14-3-silent-report",
    });
    const res = await gql(query, {
      url: hub.subgraphs["migration-service"]?.url ?? "",
      headers: { "x-hub-context": token },
      variables,
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ asylumApplication: null, asylumApplications: [] });
    const extensions = (res.body as { extensions?: Record<string, unknown> }).extensions ?? {};
    const silent = { rule: "R14-3", category: "ASYLUM", owner: "MIGRATION_SERVICE", count: 1, silent: true };
    expect(withheldReportsSchema.parse(extensions.hubWithheld)).toEqual([
      { ...silent, article: expect.stringContaining("non-refoulement"), path: ["asylumApplication"] },
      { ...silent, article: expect.stringContaining("non-refoulement"), path: ["asylumApplications"] },
    ]);
  });

  it("serves that officer an application from another country, and the domestic officer this one", async () => {
    const other = pick(w.asylumApplications, (a) => retained(a) && a.countryOfOrigin !== ORIGIN, "other application");
    const token = await personaToken("asylum-officer", { country: ORIGIN });
    const foreign = await gql(query, {
      token,
      purpose: "ASYLUM_PROCEDURE",
      variables: { ...variables, id: other.applicationId },
    });
    expect(foreign.body.data?.asylumApplication).toEqual({ applicationId: other.applicationId });
    const domestic = await gql(query, { ...(await as("asylum-officer")), variables });
    expect(domestic.body.errors).toBeUndefined();
    expect(domestic.body.data).toEqual({
      asylumApplication: { applicationId: APPLICATION },
      asylumApplications: [{ applicationId: APPLICATION }],
    });
  });
});

describe("special categories (R6-1)", () => {
  it("discloses a trafficking case to its assigned caseworker only", async () => {
    const cases = world().traffickingCases.filter(retained);
    const mine = pick(cases, (c) => c.assignedCaseworker === "caseworker-01", "retained case of caseworker-01");
    const theirs = pick(cases, (c) => c.assignedCaseworker === "caseworker-02", "retained case of caseworker-02");
    const res = await gql(
      `query ($mine: ID!, $theirs: ID!, $ref: ID!) {
        mine: traffickingCase(caseId: $mine) { caseId assignedCaseworker }
        theirs: traffickingCase(caseId: $theirs) { caseId }
        traffickingCases(personRef: $ref) { caseId }
      }`,
      {
        ...(await as("trafficking-caseworker")),
        variables: { mine: mine.caseId, theirs: theirs.caseId, ref: theirs.personRef },
      },
    );
    expect(res.body.data).toEqual({
      mine: { caseId: mine.caseId, assignedCaseworker: "caseworker-01" },
      theirs: null,
      traffickingCases: [],
    });
    expect(errorAt(res.body, ["theirs"]).extensions).toMatchObject({
      code: "FORBIDDEN",
      rule: "R6-1-caseworker",
      article: "108+ Art. 6",
      category: "TRAFFICKING",
      owner: "MIGRATION_SERVICE",
    });
    // Each of that person's cases is refused, under the first rule that forbids it.
    const listed = res.body.errors?.filter((e) => JSON.stringify(e.path) === '["traffickingCases"]') ?? [];
    expect(listed.map((e) => e.extensions?.rule)).toContain("R6-1-caseworker");
    const withheld = listed.reduce((n, e) => n + Number(e.extensions?.withheld), 0);
    expect(withheld).toBe(world().traffickingCases.filter((c) => c.personRef === theirs.personRef).length);
    expect(res.body.errors).toHaveLength(1 + listed.length);
  });

  it("refuses a border officer the biometric score of an accompanied minor, serving the rest", async () => {
    const w = world();
    const withScore = w.crossings.filter((c) => retained(c) && c.biometricMatchScore !== null);
    const traveller = pick(
      w.persons,
      (p) => {
        const own = withScore.filter((c) => c.personRef === p.personRef);
        return own.some((c) => c.accompaniedMinor) && own.some((c) => !c.accompaniedMinor);
      },
      "traveller with crossings both as an accompanied minor and as an adult",
    );
    const res = await gql(
      `query ($ref: ID!) { crossings(personRef: $ref, first: 100) { id direction accompaniedMinor biometricMatchScore } }`,
      { ...(await as("border-officer")), variables: { ref: traveller.personRef } },
    );
    expect(res.status).toBe(200);
    const crossings = res.body.data?.crossings as {
      id: string;
      direction: string;
      accompaniedMinor: boolean;
      biometricMatchScore: number | null;
    }[];
    const minors = crossings.flatMap((c, i) => (c.accompaniedMinor ? [i] : []));
    expect(minors.length).toBeGreaterThan(0);
    const lapsed = w.crossings.filter((c) => c.personRef === traveller.personRef && !retained(c)).length;
    expect(res.body.errors).toHaveLength(minors.length + (lapsed > 0 ? 1 : 0));
    if (lapsed > 0)
      expect(errorAt(res.body, ["crossings"]).extensions).toMatchObject({ rule: "R5-4", withheld: lapsed });
    for (const i of minors) {
      expect(crossings[i]).toMatchObject({ biometricMatchScore: null, direction: expect.any(String) });
      expect(res.body.errors).toContainEqual(
        expect.objectContaining({
          path: ["crossings", i, "biometricMatchScore"],
          extensions: expect.objectContaining({ code: "FORBIDDEN", rule: "R6-1-minors", category: "BIOMETRIC" }),
        }),
      );
    }
    const byId = new Map(w.crossings.map((c) => [c.id, c]));
    for (const c of crossings.filter((c) => !c.accompaniedMinor)) {
      expect(c.biometricMatchScore).toBeCloseTo(byId.get(c.id)?.biometricMatchScore ?? Number.NaN, 3);
    }
  });
});

describe("flags (R6-3) count every record within retention, and only those", () => {
  it("answers isProtectionHolder and hasActiveEntryBan from records the border officer cannot read", async () => {
    const w = world();
    const protectedOutcome = (a: { outcome: string }) => a.outcome !== "PENDING" && a.outcome !== "REJECTED";
    const protectedBy = (keep: boolean) => (p: { personRef: string }) => {
      const own = w.asylumApplications.filter((a) => a.personRef === p.personRef && protectedOutcome(a));
      return own.length > 0 && own.every((a) => retained(a) === keep);
    };
    const activeBans = (keep: boolean) => (p: { personRef: string }) => {
      const own = w.entryBans.filter(
        (b) => b.personRef === p.personRef && b.issuedOn <= today && b.validUntil >= today,
      );
      return own.length > 0 && own.every((b) => retained(b) === keep);
    };
    const people = w.persons.filter((p) => personRetained(p.personRef));
    const variables = {
      holder: pick(people, protectedBy(true), "retained protection holder").personRef,
      lapsedHolder: pick(people, protectedBy(false), "protection granted only in lapsed records").personRef,
      banned: pick(people, activeBans(true), "retained active entry ban").personRef,
      lapsedBan: pick(people, activeBans(false), "active entry ban past retention").personRef,
    };
    const res = await gql(
      `query ($holder: ID!, $lapsedHolder: ID!, $banned: ID!, $lapsedBan: ID!) {
        holder: person(personRef: $holder) { isProtectionHolder }
        lapsedHolder: person(personRef: $lapsedHolder) { isProtectionHolder }
        banned: person(personRef: $banned) { hasActiveEntryBan }
        lapsedBan: person(personRef: $lapsedBan) { hasActiveEntryBan }
      }`,
      { ...(await as("border-officer")), variables },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      holder: { isProtectionHolder: true },
      lapsedHolder: { isProtectionHolder: false },
      banned: { hasActiveEntryBan: true },
      lapsedBan: { hasActiveEntryBan: false },
    });
  });
});

describe("policy set at start", () => {
  it("a subgraph whose policy set does not load stops at start with one line", async () => {
    const stderr = await new Promise<string>((resolve) => {
      execFile(
        process.execPath,
        [path.join(repoRoot, "subgraphs/migration-service/dist/main.js")],
        { env: { PATH: process.env.PATH, HUB_POLICIES_DIR: "/nonexistent/policies" }, timeout: 20_000 },
        (error, _stdout, err) => resolve(error ? err : "exited 0"),
      );
    });
    expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Cannot load the policy set: /)]);
  });
});
