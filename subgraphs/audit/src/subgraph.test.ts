/** The audit subgraph's schema: every field classified AUDIT, and only the auditor and the DPO read it (RA-1). */
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { Agency, Purpose } from "@hub/contracts";
import { RecordGuard, type RecordGuardOptions } from "@hub/kit";
import { defaultPolicyPaths, PolicyDecisionPoint } from "@hub/policies";
import type { Context } from "./loaders";
import { authorise } from "./recordRules";
import { createAuditSubgraph } from "./subgraph";

const pdp = PolicyDecisionPoint.load(defaultPolicyPaths(path.resolve(__dirname, "../../..")), "AM");
const silent = { error: () => undefined } as unknown as RecordGuardOptions["log"];

function contextOf(agency: Agency, role: string, purpose: Purpose): Context {
  const hub = {
    principal: { subject: `${role}-1`, agency, role, purposes: [purpose], country: "AM", cases: [] },
    purpose,
    requestId: "unit-test",
  };
  return {
    guard: new RecordGuard({ pdp, owner: "HUB_OPERATOR", hub, log: silent, today: () => "2026-11-25" }),
  } as unknown as Context;
}

describe("audit subgraph", () => {
  it("classifies every field AUDIT", async () => {
    const { sdl } = await createAuditSubgraph({}).buildSchema();
    const categories = [...sdl.matchAll(/@dataCategory\(category: (\w+)\)/g)].map((m) => m[1]);
    expect(categories.length).toBeGreaterThan(50);
    expect(new Set(categories)).toEqual(new Set(["AUDIT"]));
    for (const root of [
      "auditEvents(",
      "auditEvent(",
      "verifyAuditChain(",
      "subjectAccessReport(",
      "exportAuditEvents(",
    ]) {
      expect(sdl).toContain(root);
    }
  });

  it("serves the auditor auditing and the DPO answering a subject access request, no one else", () => {
    expect(() => authorise(contextOf("HUB_OPERATOR", "auditor", "AUDIT"))).not.toThrow();
    expect(() => authorise(contextOf("HUB_OPERATOR", "dpo", "SUBJECT_ACCESS"))).not.toThrow();
    expect(() => authorise(contextOf("HUB_OPERATOR", "auditor", "SUBJECT_ACCESS"))).toThrow(
      /AUDIT data of HUB_OPERATOR/,
    );
    expect(() => authorise(contextOf("BORDER_POLICE", "border-officer", "BORDER_CHECK"))).toThrow(/RA-1-audit-log/);
  });
});
