/**
 * Replays of audit events whose decisions were really made by the decision point: allowed,
 * partial and denied events replay as the same decision; an altered record is a difference.
 */
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { AuditEventContent, AuditFieldDecision, Principal, Purpose } from "@hub/contracts";
import type { DecidedCategory } from "../entities";
import { PolicyDecisionPoint } from "../PolicyDecisionPoint";
import { defaultPolicyPaths } from "../policySet";
import { redecide } from "./redecide";

const pdp = PolicyDecisionPoint.load(defaultPolicyPaths(path.resolve(__dirname, "..", "..", "..")), "AM");

const officer: Principal = {
  subject: "officer-0147",
  agency: "BORDER_POLICE",
  role: "border-officer",
  country: "AM",
  purposes: ["BORDER_CHECK"],
  cases: [],
};

interface Asked {
  field: string;
  category: DecidedCategory;
  owner: string;
  unkeyedList?: boolean;
}

/** An event as the gateway records one, its decisions made by the decision point on `day`. */
function decidedEvent(asked: Asked[], day = "2026-11-25", purpose: Purpose = "BORDER_CHECK"): AuditEventContent {
  const allowed: AuditFieldDecision[] = [];
  const denied: AuditFieldDecision[] = [];
  for (const a of asked) {
    const d = pdp.decide({
      principal: officer,
      purpose,
      category: a.category,
      owner: a.owner,
      unkeyedList: a.unkeyedList ?? false,
      today: day,
    });
    const decision = {
      field: a.field,
      category: a.category,
      owner: a.owner,
      policies: d.policies,
      ...(d.rule ? { rule: d.rule } : {}),
    };
    (d.allowed ? allowed : denied).push(decision);
  }
  const agreements = [...new Set(allowed.flatMap((f) => f.policies).map((p) => p.split("/")[0] ?? p))].filter((p) =>
    p.startsWith("AGR-"),
  );
  return {
    id: "6f1c2a9e-0000-4000-8000-000000000001",
    occurredAt: `${day}T10:00:00.000Z`,
    requestId: "replay-test",
    subject: officer.subject,
    agency: officer.agency,
    role: officer.role,
    country: officer.country,
    purpose,
    authorizationRef: null,
    agreements,
    operationHash: "a".repeat(64),
    operationText: 'query Q { person(personRef: "hmac:0f3a") { familyName } }',
    operationName: "Q",
    variables: {},
    fieldsAllowed: allowed,
    fieldsDenied: denied,
    refusals: [],
    outcome: denied.length === 0 ? "ALLOWED" : allowed.length === 0 ? "DENIED" : "PARTIAL",
    errorCodes: denied.length ? ["FORBIDDEN"] : [],
    durationMs: 12,
    policyVersion: pdp.version,
    disclosedPersonRefs: [],
    categories: [],
    releaseAfter: null,
  };
}

const familyName: Asked = { field: "Person.familyName", category: "IDENTITY", owner: "MIGRATION_SERVICE" };
const crossings: Asked = { field: "Person.crossings", category: "TRAVEL", owner: "BORDER_POLICE" };
const grounds: Asked = { field: "AsylumApplication.grounds", category: "ASYLUM", owner: "MIGRATION_SERVICE" };

describe("redecide", () => {
  it("replays an allowed event as the same decision, field by field", () => {
    const event = decidedEvent([familyName, crossings]);
    expect(event.outcome).toBe("ALLOWED");
    const report = redecide(event, pdp);
    expect(report.status).toBe("same");
    expect(report.replayedVersion).toBe(event.policyVersion);
    expect(report.fields.map((f) => [f.field, f.verdict])).toEqual([
      ["Person.familyName", "same"],
      ["Person.crossings", "same"],
    ]);
    expect(report.fields[0]?.replayed?.policies).toEqual(event.fieldsAllowed[0]?.policies);
    expect(report.decidedOn).toEqual(["2026-11-25"]);
    expect(report.counts).toEqual({ same: 2, different: 0, notReplayable: 0 });
  });

  it("replays a partial event: the denied field by the same rule", () => {
    const event = decidedEvent([familyName, grounds]);
    expect(event.outcome).toBe("PARTIAL");
    const report = redecide(event, pdp);
    expect(report.status).toBe("same");
    const denied = report.fields.find((f) => f.recordedIn === "fieldsDenied");
    expect(denied?.replayed?.allowed).toBe(false);
    expect(denied?.replayed?.rule).toBe(event.fieldsDenied[0]?.rule);
    expect(denied?.verdict).toBe("same");
  });

  it("replays a denied event, an unkeyed list included, and says what the record leaves open", () => {
    const persons: Asked = {
      field: "Query.persons",
      category: "IDENTITY",
      owner: "MIGRATION_SERVICE",
      unkeyedList: true,
    };
    const event = decidedEvent([persons, grounds]);
    expect(event.outcome).toBe("DENIED");
    expect(event.fieldsDenied[0]?.rule).toBe("R5-3");
    const report = redecide(event, pdp);
    expect(report.status).toBe("same");
    expect(report.fields[0]?.notes.join(" ")).toMatch(/only when the list was selected by no key/);
    expect(report.gaps.join(" ")).toMatch(/selected by a key \(R5-3\) is not recorded/);
    expect(report.gaps.join(" ")).toMatch(/token's purposes are not recorded/);
  });

  it("finds an altered record: a denied field listed as allowed, a rule changed, a grant removed", () => {
    const event = decidedEvent([familyName, grounds]);
    const moved = { ...event, fieldsAllowed: [...event.fieldsAllowed, ...event.fieldsDenied], fieldsDenied: [] };
    const report = redecide(moved, pdp);
    expect(report.status).toBe("different");
    const grounded = report.fields.find((f) => f.field === "AsylumApplication.grounds");
    expect(grounded?.verdict).toBe("different");
    expect(grounded?.differences[0]).toMatch(/decision: recorded allowed, replayed denied/);

    const denied = event.fieldsDenied[0] as AuditFieldDecision;
    const otherRule = redecide({ ...event, fieldsDenied: [{ ...denied, rule: "R5-4" }] }, pdp);
    expect(otherRule.status).toBe("different");
    expect(otherRule.fields[1]?.differences).toContain(`rule: recorded R5-4, replayed ${denied.rule ?? ""}`);

    const allowed = event.fieldsAllowed[0] as AuditFieldDecision;
    const noGrant = redecide({ ...event, fieldsAllowed: [{ ...allowed, policies: [] }] }, pdp);
    expect(noGrant.fields[0]?.differences[0]).toMatch(/^policies: recorded none, replayed AGR-/);
  });

  it("finds an agreement recorded as granting that nothing replayed grants", () => {
    const event = decidedEvent([familyName]);
    const report = redecide({ ...event, agreements: [...event.agreements, "AGR-SO-BP-INVENTED"] }, pdp);
    expect(report.status).toBe("different");
    expect(report.differences[0]).toMatch(/AGR-SO-BP-INVENTED/);
  });

  it("replays a request refused before the decide stage as nothing decided, with the reason", () => {
    const event: AuditEventContent = {
      ...decidedEvent([]),
      subject: null,
      agency: null,
      role: null,
      country: null,
      outcome: "REJECTED",
      errorCodes: ["UNAUTHENTICATED"],
    };
    const report = redecide(event, pdp);
    expect(report.status).toBe("nothing-decided");
    expect(report.reason).toMatch(/refused before the decide stage: UNAUTHENTICATED/);
  });

  it("reports a subgraph's record refusals as not replayable, and one citing a rule the version lacks as different", () => {
    const withheld = {
      by: "migration-service",
      rule: "R5-4",
      article: "108+ Art. 5(4)(e)",
      category: "IDENTITY",
      owner: "MIGRATION_SERVICE",
      count: 2,
      path: ["persons"],
      silent: false,
    };
    const event = { ...decidedEvent([familyName]), refusals: [withheld] };
    const report = redecide(event, pdp);
    expect(report.status).toBe("same");
    expect(report.refusals[0]?.verdict).toBe("not-replayable");
    expect(report.refusals[0]?.notes[0]).toMatch(/record rules/);
    expect(redecide({ ...event, refusals: [{ ...withheld, rule: "R99-9" }] }, pdp).status).toBe("different");
  });

  it("tries both days for a request that ran over midnight", () => {
    const event = { ...decidedEvent([familyName]), occurredAt: "2026-11-25T23:59:59.990Z", durationMs: 30 };
    const report = redecide(event, pdp);
    expect(report.decidedOn).toEqual(["2026-11-25", "2026-11-26"]);
    expect(report.status).toBe("same");
  });
});
