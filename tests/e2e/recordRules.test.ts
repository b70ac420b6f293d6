/**
 * Record-level rules, decided in the subgraphs and seen through the gateway: retention (R5-4),
 * assigned caseworker and minors (R6-1), and flags that count records the caller may not read. A
 * withheld record is a refusal (R7-2): a FORBIDDEN error at its path in the client's response,
 * naming rule and article. The country of origin (R14-3), which stays silent to the caller,
 * concerns foreign recipients: tests/e2e/foreignRecipients.test.ts.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { AuditEventContent } from "@hub/contracts";
import { auditEventOf } from "../harness/auditDb";
import { as, gql, repoRoot, world, type Answer, type GraphQLResponseBody } from "../harness/fixtures";

// The hub decides with the real date; the world's lapsed records ended before its asOf
// (2026-11-01) and the retained ones run at least 180 days past it, so neither is borderline.
const today = new Date().toISOString().slice(0, 10);
const retained = (r: { retainUntil: string }) => r.retainUntil >= today;
const minorToday = (p: { dateOfBirth: string }) =>
  `${Number(p.dateOfBirth.slice(0, 4)) + 18}${p.dateOfBirth.slice(4)}` > today;

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

/** The request's audit event, with its withheld records summed per rule (R7-2). */
async function audited(res: Answer): Promise<AuditEventContent & { withheld: Record<string, number> }> {
  const event = await auditEventOf(res.headers.get("x-request-id"));
  if (!event) throw new Error("the request left no audit event");
  const withheld: Record<string, number> = {};
  for (const r of event.refusals) withheld[r.rule] = (withheld[r.rule] ?? 0) + r.count;
  return { ...event, withheld };
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
    expect(errorAt(lapsed.body, ["person"]).extensions).toMatchObject({ withheld: 1 });
    expect(await audited(lapsed)).toMatchObject({
      outcome: "DENIED",
      categories: [],
      disclosedPersonRefs: [],
      withheld: { "R5-4": 1 },
    });
    const served = await gql(query, { ...officer, variables: { ref: kept.personRef } });
    expect(served.body.errors).toBeUndefined();
    expect(served.body.data?.person).toEqual({ personRef: kept.personRef, givenName: kept.givenName });
    expect(await audited(served)).toMatchObject({
      outcome: "ALLOWED",
      categories: ["IDENTIFIER", "IDENTITY"],
      disclosedPersonRefs: [kept.personRef],
      refusals: [],
    });
    const both = await gql(`query ($refs: [ID!]!) { persons(personRefs: $refs) { personRef } }`, {
      ...officer,
      variables: { refs: [gone.personRef, kept.personRef] },
    });
    expect(both.body.data?.persons).toEqual([{ personRef: kept.personRef }]);
    expect(errorAt(both.body, ["persons"]).extensions).toMatchObject({ code: "FORBIDDEN", ...RETENTION, withheld: 1 });
    const partly = await audited(both);
    expect(partly).toMatchObject({
      outcome: "PARTIAL",
      categories: ["IDENTIFIER", "IDENTITY"],
      withheld: { "R5-4": 1 },
    });
    expect(partly.disclosedPersonRefs).not.toContain(gone.personRef);
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
    expect(await audited(res)).toMatchObject({
      outcome: "PARTIAL",
      categories: ["IDENTIFIER", "IDENTITY", "TRAVEL"],
      withheld: { "R5-4": 2 * lapsed },
    });
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
    const event = await audited(res);
    expect(event).toMatchObject({ outcome: "PARTIAL", categories: ["IDENTIFIER", "TRAFFICKING"] });
    expect(event.withheld["R6-1-caseworker"]).toBeGreaterThanOrEqual(1);
    // An allowed request of the assigned caseworker, for its own case only.
    const own = await gql(`query ($id: ID!) { traffickingCase(caseId: $id) { caseId } }`, {
      ...(await as("trafficking-caseworker")),
      variables: { id: mine.caseId },
    });
    expect(own.body.errors).toBeUndefined();
    expect(await audited(own)).toMatchObject({ outcome: "ALLOWED", categories: ["IDENTIFIER", "TRAFFICKING"] });
  });

  it("refuses a border officer the biometric score of an accompanied minor, serving the rest", async () => {
    const w = world();
    const withScore = w.crossings.filter((c) => retained(c) && c.biometricMatchScore !== null);
    const traveller = pick(
      w.persons,
      (p) => {
        // An adult today: a minor's crossings are all refused their scores, accompanied or not.
        const own = withScore.filter((c) => c.personRef === p.personRef);
        return !minorToday(p) && own.some((c) => c.accompaniedMinor) && own.some((c) => !c.accompaniedMinor);
      },
      "adult with crossings both as an accompanied minor and as an adult",
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
    const event = await audited(res);
    // The adults' scores came back, so BIOMETRIC was disclosed; the minors' were refused.
    expect(event).toMatchObject({ outcome: "PARTIAL", categories: ["BIOMETRIC", "IDENTIFIER", "MINOR", "TRAVEL"] });
    expect(event.withheld["R6-1-minors"]).toBe(minors.length);
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
