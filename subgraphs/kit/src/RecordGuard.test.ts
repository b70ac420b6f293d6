/** RecordGuard with the hub's real policy set: which records and fields leave for which caller. */
import path from "node:path";
import { describe, expect, it, jest } from "@jest/globals";
import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { pino } from "pino";
import type { Agency, HubContextRequestClaims, Principal, Purpose } from "@hub/contracts";
import { defaultPolicyPaths, PolicyDecisionPoint, PolicyEngineError } from "@hub/policies";
import { RecordGuard, type Placement } from "./RecordGuard";

const pdp = PolicyDecisionPoint.load(defaultPolicyPaths(path.resolve(__dirname, "../../..")), "AM");
const TODAY = "2026-11-25";

const CALLERS = {
  borderOfficer: { subject: "officer-0147", agency: "BORDER_POLICE", role: "border-officer", purpose: "BORDER_CHECK" },
  asylumOfficer: {
    subject: "asylum-officer-0088",
    agency: "MIGRATION_SERVICE",
    role: "asylum-officer",
    purpose: "ASYLUM_PROCEDURE",
  },
  caseworker: {
    subject: "caseworker-01",
    agency: "MIGRATION_SERVICE",
    role: "caseworker",
    purpose: "VICTIM_PROTECTION",
  },
  statistician: {
    subject: "statistician-0005",
    agency: "STATISTICS_OFFICE",
    role: "statistician",
    purpose: "OFFICIAL_STATISTICS",
  },
} as const satisfies Record<string, { subject: string; agency: Agency; role: string; purpose: Purpose }>;

function guardFor(caller: keyof typeof CALLERS, owner: Agency, overrides: Partial<Principal> = {}): RecordGuard {
  const { purpose, ...who } = CALLERS[caller];
  const hub: HubContextRequestClaims = {
    principal: { ...who, purposes: [purpose], country: "AM", cases: [], ...overrides },
    purpose,
    requestId: "unit-test",
  };
  return new RecordGuard({ pdp, owner, hub, log: pino({ level: "silent" }), today: () => TODAY });
}

/** Türkiye's readmission authority (a foreign recipient, AGR-MS-TR-READMISSION). */
function readmissionGuard(): RecordGuard {
  return new RecordGuard({
    pdp,
    owner: "MIGRATION_SERVICE",
    hub: {
      principal: {
        subject: "tr-pmm-readmission-017",
        agency: "TR-PMM",
        role: "readmission-officer",
        purposes: ["RETURN_ENFORCEMENT"],
        country: "TR",
        cases: [],
      },
      purpose: "RETURN_ENFORCEMENT",
      requestId: "unit-test",
    },
    log: pino({ level: "silent" }),
    today: () => TODAY,
  });
}

function thrown(action: () => unknown): GraphQLError {
  try {
    action();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error("expected a GraphQLError");
}

const crossing = (id: string, retainUntil: string) => ({ id, retainUntil });
const retention = (c: { retainUntil: string }) => ({ retainUntil: c.retainUntil });

/** Where records go: a field at a response path (as graphql-js gives it in `info.path`). */
function at(type: string, ...keys: (string | number)[]): Placement {
  let path: GraphQLResolveInfo["path"] | undefined;
  for (const key of keys) path = { prev: path, key, typename: undefined };
  if (!path) throw new Error("a path has at least one key");
  const fieldName = String([...keys].reverse().find((k) => typeof k === "string"));
  return { type, info: { path, fieldName } };
}

describe("RecordGuard", () => {
  it("withholds records past retention, keeps the others, and reports the refusal at the list's path (R5-4, R7-2)", async () => {
    const guard = guardFor("borderOfficer", "BORDER_POLICE");
    const records = [
      crossing("kept", "2031-05-09"),
      crossing("lapsed", "2025-04-15"),
      crossing("last-day", TODAY),
      crossing("older", "2024-01-01"),
    ];
    const kept = await guard.disclose(records, "TRAVEL", retention, at("BorderCrossing", "_entities", 0, "crossings"));
    expect(kept.map((c) => c.id)).toEqual(["kept", "last-day"]);
    expect(guard.withheld()).toEqual([
      {
        rule: "R5-4",
        article: "108+ Art. 5(4)(e)",
        category: "TRAVEL",
        owner: "BORDER_POLICE",
        path: ["_entities", 0, "crossings"],
        count: 2,
        silent: false,
      },
    ]);
    const [error, ...more] = guard.refusals();
    expect(more).toEqual([]);
    expect(error).toMatchObject({
      path: ["_entities", 0, "crossings"],
      extensions: {
        code: "FORBIDDEN",
        rule: "R5-4",
        article: "108+ Art. 5(4)(e)",
        category: "TRAVEL",
        owner: "BORDER_POLICE",
        withheld: 2,
      },
    });
    expect(error?.message).toMatch(
      /^2 BorderCrossing records \(TRAVEL data of BORDER_POLICE\) are not disclosed: .*\[R5-4, 108\+ Art\. 5\(4\)\(e\)\]$/,
    );
  });

  it("adds up the records one list withholds under the same rule, and keeps lists apart", async () => {
    const guard = guardFor("borderOfficer", "BORDER_POLICE");
    const lapsed = [crossing("a", "2025-04-15")];
    await guard.disclose(lapsed, "TRAVEL", retention, at("BorderCrossing", "crossings"));
    await guard.disclose(lapsed, "TRAVEL", retention, at("BorderCrossing", "crossings"));
    await guard.disclose(lapsed, "TRAVEL", retention, at("BorderCrossing", "other"));
    await guard.disclose([crossing("b", "2031-01-01")], "TRAVEL", retention, at("BorderCrossing", "kept"));
    expect(guard.withheld().map((r) => [r.path, r.count])).toEqual([
      [["crossings"], 2],
      [["other"], 1],
    ]);
    expect(guard.refusals().map((e) => e.extensions.withheld)).toEqual([2, 1]);
  });

  it("answers a withheld single record with null and a refusal at its path, counted as one (`withheld: 1`)", async () => {
    const guard = guardFor("borderOfficer", "BORDER_POLICE");
    const lookUp = at("TravelDocument", "travelDocument");
    await expect(guard.one(crossing("lapsed", "2025-04-15"), "TRAVEL", retention, lookUp)).resolves.toBeNull();
    await expect(guard.one(crossing("kept", "2031-05-09"), "TRAVEL", retention, lookUp)).resolves.toEqual(
      crossing("kept", "2031-05-09"),
    );
    await expect(guard.one(null, "TRAVEL", retention, lookUp)).resolves.toBeNull();
    const refusals = guard.refusals();
    expect(refusals).toHaveLength(1);
    expect(refusals[0]?.path).toEqual(["travelDocument"]);
    expect(refusals[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "R5-4" });
    expect(refusals[0]?.extensions.withheld).toBe(1);
    expect(refusals[0]?.message).toMatch(
      /^This TravelDocument record \(TRAVEL data of BORDER_POLICE\) is not disclosed/,
    );
  });

  it("withholds an asylum application from the authorities of its country of origin silently, and reports it (R14-3)", async () => {
    const fromTurkey = { retainUntil: "2030-01-01", countryOfOrigin: "TR" };
    const facts = (a: typeof fromTurkey) => ({ ...a });
    const list = at("AsylumApplication", "asylumApplications");
    const turkey = readmissionGuard();
    await expect(turkey.disclose([fromTurkey], "ASYLUM", facts, list)).resolves.toEqual([]);
    await expect(
      turkey.one(fromTurkey, "ASYLUM", facts, at("AsylumApplication", "asylumApplication")),
    ).resolves.toBeNull();
    expect(turkey.refusals()).toEqual([]);
    expect(turkey.withheld()).toEqual([
      expect.objectContaining({ rule: "R14-3", path: ["asylumApplication"], count: 1, silent: true }),
      expect.objectContaining({ rule: "R14-3", path: ["asylumApplications"], count: 1, silent: true }),
    ]);
    expect(turkey.withheld().map((r) => r.article)).toEqual([
      expect.stringMatching(/non-refoulement/),
      expect.stringMatching(/non-refoulement/),
    ]);
    // Another country's application is refused too (Türkiye gets flags, not asylum content: R6-3), and said so.
    const other = readmissionGuard();
    await expect(other.disclose([{ ...fromTurkey, countryOfOrigin: "SY" }], "ASYLUM", facts, list)).resolves.toEqual(
      [],
    );
    expect(other.refusals().map((e) => e.extensions.rule)).toEqual(["R6-3"]);
    const domestic = guardFor("asylumOfficer", "MIGRATION_SERVICE");
    await expect(domestic.disclose([fromTurkey], "ASYLUM", facts, list)).resolves.toEqual([fromTurkey]);
  });

  it("withholds from an asylum officer's token from abroad even the applications of other countries (R14-2)", async () => {
    const application = { retainUntil: "2030-01-01", countryOfOrigin: "SY" };
    const facts = (a: typeof application) => ({ ...a });
    const abroad = guardFor("asylumOfficer", "MIGRATION_SERVICE", { country: "UA" });
    const list = at("AsylumApplication", "asylumApplications");
    await expect(abroad.disclose([application], "ASYLUM", facts, list)).resolves.toEqual([]);
    expect(abroad.refusals().map((e) => e.extensions.rule)).toEqual(["R14-2"]);
  });

  it("leaves the applications of the caller's country out of a flag decided with their facts, and reports it (R14-3)", () => {
    const applications = [
      { id: "from-tr", retainUntil: "2030-01-01", countryOfOrigin: "TR" },
      { id: "from-sy", retainUntil: "2030-01-01", countryOfOrigin: "SY" },
    ];
    const facts = (a: (typeof applications)[number]) => ({
      retainUntil: a.retainUntil,
      countryOfOrigin: a.countryOfOrigin,
    });
    const readmission = readmissionGuard();
    const flag = at("AsylumApplication", "person", "isProtectionHolder");
    expect(readmission.retained(applications, facts, flag).map((a) => a.id)).toEqual(["from-sy"]);
    expect(readmission.refusals()).toEqual([]);
    expect(readmission.withheld()).toEqual([
      expect.objectContaining({
        rule: "R14-3",
        category: "FLAG",
        path: ["person", "isProtectionHolder"],
        silent: true,
      }),
    ]);
    expect(guardFor("borderOfficer", "MIGRATION_SERVICE").retained(applications, facts)).toEqual(applications);
  });

  it("discloses a trafficking case only to its assigned caseworker (R6-1)", async () => {
    const guard = guardFor("caseworker", "MIGRATION_SERVICE");
    const cases = [
      { caseId: "mine", assignedCaseworker: "caseworker-01" },
      { caseId: "theirs", assignedCaseworker: "caseworker-02" },
    ];
    const kept = await guard.disclose(
      cases,
      "TRAFFICKING",
      async (c) => ({ retainUntil: "2030-01-01", assignedCaseworker: c.assignedCaseworker, subjectMinor: false }),
      at("TraffickingCase", "traffickingCases"),
    );
    expect(kept.map((c) => c.caseId)).toEqual(["mine"]);
    expect(guard.refusals()[0]?.extensions).toMatchObject({ rule: "R6-1-caseworker", withheld: 1 });
  });

  it("notes the personRefs of the records it discloses, not of those it withholds (R9-1)", async () => {
    const guard = guardFor("borderOfficer", "BORDER_POLICE");
    const records = [
      { personRef: "PRAAAAAAAAAAAAAAAA", retainUntil: "2031-01-01" },
      { personRef: "PRBBBBBBBBBBBBBBBB", retainUntil: "2025-01-01" },
    ];
    await guard.disclose(records, "TRAVEL", retention, at("BorderCrossing", "crossings"));
    expect([...guard.disclosed]).toEqual(["PRAAAAAAAAAAAAAAAA"]);
  });

  it("refuses a minor's biometric data to a border officer, naming R6-1-minors, and reports it", () => {
    const guard = guardFor("borderOfficer", "BORDER_POLICE");
    const score = at("BorderCrossing", "crossings", 3, "biometricMatchScore");
    expect(guard.field("BIOMETRIC", { subjectMinor: false }, score)).toBe(true);
    const error = thrown(() => guard.field("BIOMETRIC", { subjectMinor: true }, score));
    expect(error.extensions).toMatchObject({
      code: "FORBIDDEN",
      rule: "R6-1-minors",
      article: "108+ Art. 6",
      category: "BIOMETRIC",
      owner: "BORDER_POLICE",
    });
    expect(error.message).toMatch(
      /^BorderCrossing\.biometricMatchScore \(BIOMETRIC data of BORDER_POLICE\) is not disclosed/,
    );
    expect(guard.withheld()).toEqual([
      expect.objectContaining({ rule: "R6-1-minors", path: ["crossings", 3, "biometricMatchScore"], count: 1 }),
    ]);
    // graphql-js places the thrown error itself; no second one is added.
    expect(guard.refusals()).toEqual([]);
  });

  it("lets a child-protection role read a minor's special-category data", async () => {
    const guard = guardFor("asylumOfficer", "MIGRATION_SERVICE");
    const application = { retainUntil: "2030-01-01", countryOfOrigin: "SY", subjectMinor: true };
    const list = at("AsylumApplication", "asylumApplications");
    await expect(guard.disclose([application], "ASYLUM", (a) => a, list)).resolves.toHaveLength(1);
  });

  it("lets flags count only records within retention, and refuses flags to a caller without them", () => {
    const bans = [{ retainUntil: "2030-01-01" }, { retainUntil: "2025-01-01" }];
    expect(guardFor("borderOfficer", "BORDER_POLICE").retained(bans)).toEqual([bans[0]]);
    const error = thrown(() => guardFor("statistician", "BORDER_POLICE").retained(bans));
    expect(error.extensions).toMatchObject({ code: "FORBIDDEN", rule: "R5-6", category: "FLAG" });
  });

  it("states a rule as the policy set does", () => {
    expect(guardFor("borderOfficer", "BORDER_POLICE").rule("R5-3")).toMatchObject({
      rule: "R5-3",
      article: "108+ Art. 5(1)",
    });
    expect(() => guardFor("borderOfficer", "BORDER_POLICE").rule("R0-0")).toThrow(/no rule R0-0/);
  });

  it("fails closed with POLICY_UNAVAILABLE when the engine cannot decide", async () => {
    const guard = guardFor("borderOfficer", "BORDER_POLICE");
    const spy = jest.spyOn(pdp, "decide").mockImplementation(() => {
      throw new PolicyEngineError("evaluation failed");
    });
    try {
      const list = at("BorderCrossing", "crossings");
      await expect(guard.disclose([crossing("a", "2031-01-01")], "TRAVEL", retention, list)).rejects.toMatchObject({
        extensions: { code: "POLICY_UNAVAILABLE" },
      });
      expect(thrown(() => guard.field("BIOMETRIC", {})).extensions.code).toBe("POLICY_UNAVAILABLE");
    } finally {
      spy.mockRestore();
    }
  });
});
