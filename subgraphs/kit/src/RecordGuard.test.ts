/** RecordGuard with the hub's real policy set: which records and fields leave for which caller. */
import path from "node:path";
import { describe, expect, it, jest } from "@jest/globals";
import { GraphQLError } from "graphql";
import { pino } from "pino";
import type { Agency, HubContextClaims, Principal, Purpose } from "@hub/contracts";
import { defaultPolicyPaths, PolicyDecisionPoint, PolicyEngineError } from "@hub/policies";
import { RecordGuard } from "./RecordGuard";

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
  const hub: HubContextClaims = {
    principal: { ...who, purposes: [purpose], country: "AM", cases: [], ...overrides },
    purpose,
    requestId: "unit-test",
  };
  return new RecordGuard({ pdp, owner, hub, log: pino({ level: "silent" }), today: () => TODAY });
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

describe("RecordGuard", () => {
  it("withholds records past retention and keeps the others (R5-4)", async () => {
    const guard = guardFor("borderOfficer", "BORDER_POLICE");
    const records = [crossing("kept", "2031-05-09"), crossing("lapsed", "2025-04-15"), crossing("last-day", TODAY)];
    const kept = await guard.disclose(records, "TRAVEL", (c) => ({ retainUntil: c.retainUntil }));
    expect(kept.map((c) => c.id)).toEqual(["kept", "last-day"]);
  });

  it("answers a withheld single record with null", async () => {
    const guard = guardFor("borderOfficer", "BORDER_POLICE");
    const facts = (c: { retainUntil: string }) => ({ retainUntil: c.retainUntil });
    await expect(guard.one(crossing("lapsed", "2025-04-15"), "TRAVEL", facts)).resolves.toBeNull();
    await expect(guard.one(crossing("kept", "2031-05-09"), "TRAVEL", facts)).resolves.toEqual(
      crossing("kept", "2031-05-09"),
    );
    await expect(guard.one(null, "TRAVEL", facts)).resolves.toBeNull();
  });

  it("withholds from an asylum officer's token from abroad even the applications of other countries (R14-2)", async () => {
    const application = { retainUntil: "2030-01-01", countryOfOrigin: "UA" };
    const facts = (a: typeof application) => ({ ...a });
    const abroad = guardFor("asylumOfficer", "MIGRATION_SERVICE", { country: "UA" });
    const domestic = guardFor("asylumOfficer", "MIGRATION_SERVICE");
    await expect(abroad.disclose([application], "ASYLUM", facts)).resolves.toEqual([]);
    await expect(abroad.disclose([{ ...application, countryOfOrigin: "SY" }], "ASYLUM", facts)).resolves.toEqual([]);
    await expect(domestic.disclose([application], "ASYLUM", facts)).resolves.toEqual([application]);
  });

  it("leaves the applications of the caller's country out of a flag decided with their facts (R14-3)", () => {
    const applications = [
      { id: "from-tr", retainUntil: "2030-01-01", countryOfOrigin: "TR" },
      { id: "from-sy", retainUntil: "2030-01-01", countryOfOrigin: "SY" },
    ];
    const facts = (a: (typeof applications)[number]) => ({
      retainUntil: a.retainUntil,
      countryOfOrigin: a.countryOfOrigin,
    });
    const readmission = new RecordGuard({
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
    expect(readmission.retained(applications, facts).map((a) => a.id)).toEqual(["from-sy"]);
    expect(guardFor("borderOfficer", "MIGRATION_SERVICE").retained(applications, facts)).toEqual(applications);
  });

  it("discloses a trafficking case only to its assigned caseworker (R6-1)", async () => {
    const guard = guardFor("caseworker", "MIGRATION_SERVICE");
    const cases = [
      { caseId: "mine", assignedCaseworker: "caseworker-01" },
      { caseId: "theirs", assignedCaseworker: "caseworker-02" },
    ];
    const kept = await guard.disclose(cases, "TRAFFICKING", async (c) => ({
      retainUntil: "2030-01-01",
      assignedCaseworker: c.assignedCaseworker,
      subjectMinor: false,
    }));
    expect(kept.map((c) => c.caseId)).toEqual(["mine"]);
  });

  it("refuses a minor's biometric data to a border officer, naming R6-1-minors", () => {
    const guard = guardFor("borderOfficer", "BORDER_POLICE");
    expect(() => guard.field("BIOMETRIC", { subjectMinor: false })).not.toThrow();
    const error = thrown(() => guard.field("BIOMETRIC", { subjectMinor: true }));
    expect(error.extensions).toMatchObject({
      code: "FORBIDDEN",
      rule: "R6-1-minors",
      article: "108+ Art. 6",
      category: "BIOMETRIC",
      owner: "BORDER_POLICE",
    });
    expect(error.message).toContain("R6-1-minors");
  });

  it("lets a child-protection role read a minor's special-category data", async () => {
    const guard = guardFor("asylumOfficer", "MIGRATION_SERVICE");
    const application = { retainUntil: "2030-01-01", countryOfOrigin: "SY", subjectMinor: true };
    await expect(guard.disclose([application], "ASYLUM", (a) => a)).resolves.toHaveLength(1);
  });

  it("lets flags count only records within retention, and refuses flags to a caller without them", () => {
    const bans = [{ retainUntil: "2030-01-01" }, { retainUntil: "2025-01-01" }];
    expect(guardFor("borderOfficer", "BORDER_POLICE").retained(bans)).toEqual([bans[0]]);
    const error = thrown(() => guardFor("statistician", "BORDER_POLICE").retained(bans));
    expect(error.extensions).toMatchObject({ code: "FORBIDDEN", rule: "R5-6", category: "FLAG" });
  });

  it("fails closed with POLICY_UNAVAILABLE when the engine cannot decide", async () => {
    const guard = guardFor("borderOfficer", "BORDER_POLICE");
    const spy = jest.spyOn(pdp, "decide").mockImplementation(() => {
      throw new PolicyEngineError("evaluation failed");
    });
    try {
      const facts = (c: { retainUntil: string }) => ({ retainUntil: c.retainUntil });
      await expect(guard.disclose([crossing("a", "2031-01-01")], "TRAVEL", facts)).rejects.toMatchObject({
        extensions: { code: "POLICY_UNAVAILABLE" },
      });
      expect(thrown(() => guard.field("BIOMETRIC", {})).extensions.code).toBe("POLICY_UNAVAILABLE");
    } finally {
      spy.mockRestore();
    }
  });
});
