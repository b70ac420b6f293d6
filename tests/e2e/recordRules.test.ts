/**
 * Record-level rules, decided in the subgraphs and seen through the gateway: retention (R5-4),
 * assigned caseworker and minors (R6-1), and flags that count records the caller may not read.
 * The country of origin (R14-3) concerns foreign recipients: tests/e2e/foreignRecipients.test.ts.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { as, gql, repoRoot, world } from "../harness/fixtures";

// The hub decides with the real date; the world's lapsed records ended before its asOf
// (2026-11-01) and the retained ones run at least 180 days past it, so neither is borderline.
const today = new Date().toISOString().slice(0, 10);
const retained = (r: { retainUntil: string }) => r.retainUntil >= today;

function pick<T>(items: readonly T[], test: (item: T) => boolean, what: string): T {
  const found = items.find(test);
  if (!found) throw new Error(`the seeded world has no ${what}`);
  return found;
}

const personRetained = (ref: string) => world().persons.some((p) => p.personRef === ref && retained(p));

describe("retention (R5-4)", () => {
  it("answers a person past retention with null and a retained one in full", async () => {
    const w = world();
    const gone = pick(w.persons, (p) => !retained(p), "person past retention");
    const kept = pick(w.persons, retained, "retained person");
    const query = `query ($ref: ID!) { person(personRef: $ref) { personRef givenName } }`;
    const officer = await as("border-officer");
    const lapsed = await gql(query, { ...officer, variables: { ref: gone.personRef } });
    expect(lapsed.status).toBe(200);
    expect(lapsed.body.errors).toBeUndefined();
    expect(lapsed.body.data?.person).toBeNull();
    const served = await gql(query, { ...officer, variables: { ref: kept.personRef } });
    expect(served.body.data?.person).toEqual({ personRef: kept.personRef, givenName: kept.givenName });
    const both = await gql(`query ($refs: [ID!]!) { persons(personRefs: $refs) { personRef } }`, {
      ...officer,
      variables: { refs: [gone.personRef, kept.personRef] },
    });
    expect(both.body.data?.persons).toEqual([{ personRef: kept.personRef }]);
  });

  it("leaves crossings past retention out of a person's crossings", async () => {
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
    expect(res.body.errors).toBeUndefined();
    const ids = (list: unknown) => (list as { id: string }[]).map((c) => c.id).sort();
    const expected = own.filter(retained).map((c) => c.id);
    expect(ids(res.body.data?.crossings)).toEqual([...expected].sort());
    expect(ids((res.body.data?.person as { crossings: unknown }).crossings)).toEqual([...expected].sort());
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
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      mine: { caseId: mine.caseId, assignedCaseworker: "caseworker-01" },
      theirs: null,
      traffickingCases: [],
    });
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
    expect(res.body.errors).toHaveLength(minors.length);
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
