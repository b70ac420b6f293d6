/**
 * The preview on events whose decisions the decision point really made, under candidates copied
 * from the repository's policy set with one agreement changed.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "@jest/globals";
import type { AuditEventContent, AuditFieldDecision } from "@hub/contracts";
import { PolicyDecisionPoint } from "../PolicyDecisionPoint";
import { defaultPolicyPaths } from "../policySet";
import { candidatePaths, CandidateError } from "./candidatePaths";
import { previewImpact } from "./previewImpact";
import type { RecordedEvent } from "./readRecordedEvents";

const repoRoot = path.resolve(__dirname, "..", "..", "..");
const current = PolicyDecisionPoint.load(defaultPolicyPaths(repoRoot), "AM");
const root = mkdtempSync(path.join(tmpdir(), "impact-preview-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A candidate holding only agreements: the repository's, with ms-to-bp-border.yaml edited. */
function candidate(edit: (text: string) => string): { dir: string; pdp: PolicyDecisionPoint } {
  const dir = mkdtempSync(path.join(root, "candidate-"));
  const agreements = path.join(dir, "contracts", "agreements");
  mkdirSync(agreements, { recursive: true });
  cpSync(defaultPolicyPaths(repoRoot).agreementsDir, agreements, { recursive: true });
  const file = path.join(agreements, "ms-to-bp-border.yaml");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  return { dir, pdp: PolicyDecisionPoint.load(candidatePaths(dir, repoRoot).paths, "AM") };
}

/** A border officer's request, decided by the current set on 2026-11-25 as the gateway would. */
function borderCheck(fields: [string, string][]): AuditEventContent {
  const allowed: AuditFieldDecision[] = [];
  const denied: AuditFieldDecision[] = [];
  for (const [field, category] of fields) {
    const d = current.decide({
      principal: {
        subject: "officer-0147",
        agency: "BORDER_POLICE",
        role: "border-officer",
        country: "AM",
        purposes: ["BORDER_CHECK"],
        cases: [],
      },
      purpose: "BORDER_CHECK",
      category: category as never,
      owner: "MIGRATION_SERVICE",
      today: "2026-11-25",
    });
    const decision = {
      field,
      category,
      owner: "MIGRATION_SERVICE",
      policies: d.policies,
      ...(d.rule ? { rule: d.rule } : {}),
    };
    (d.allowed ? allowed : denied).push(decision);
  }
  return {
    id: randomUUID(),
    occurredAt: "2026-11-25T10:00:00.000Z",
    requestId: "impact-test",
    subject: "officer-0147",
    agency: "BORDER_POLICE",
    role: "border-officer",
    country: "AM",
    purpose: "BORDER_CHECK",
    authorizationRef: null,
    agreements: allowed.length ? ["AGR-MS-BP-BORDER"] : [],
    operationHash: null,
    operationText: null,
    operationName: null,
    variables: {},
    fieldsAllowed: allowed,
    fieldsDenied: denied,
    refusals: [],
    outcome: denied.length === 0 ? "ALLOWED" : allowed.length ? "PARTIAL" : "DENIED",
    errorCodes: [],
    durationMs: 4,
    policyVersion: current.version,
    disclosedPersonRefs: [],
    categories: [],
    releaseAfter: null,
  };
}

async function* batches(...events: RecordedEvent[]): AsyncGenerator<RecordedEvent[]> {
  yield events;
}

const preview = (pdp: PolicyDecisionPoint, ...events: RecordedEvent[]) =>
  previewImpact({
    current,
    candidate: pdp,
    candidateReplaces: ["agreements"],
    batches: batches(...events),
    window: { days: 30, since: "2026-11-01T00:00:00.000Z", until: "2026-12-01T00:00:00.000Z" },
  });

describe("impact preview", () => {
  const asked = borderCheck([
    ["Person.familyName", "IDENTITY"],
    ["Person.personRef", "IDENTIFIER"],
    ["Person.residencePermits", "RESIDENCE"],
  ]);

  it("lists the selections a removed category denies, with the rule and the event", async () => {
    const narrower = candidate((t) =>
      t.replace("categories: [IDENTIFIER, IDENTITY, MINOR, FLAG]", "categories: [IDENTIFIER, MINOR, FLAG]"),
    );
    const report = await preview(narrower.pdp, { event: asked });
    expect(report.totals).toMatchObject({
      eventsRead: 1,
      selections: 3,
      newlyDenied: 1,
      newlyAllowed: 0,
      recordedDiffers: 0,
    });
    expect(report.newlyDenied).toEqual([
      expect.objectContaining({
        agency: "BORDER_POLICE",
        purpose: "BORDER_CHECK",
        owner: "MIGRATION_SERVICE",
        category: "IDENTITY",
        rule: "R5-1",
        grantedBy: ["AGR-MS-BP-BORDER"],
        fields: ["Person.familyName"],
        examples: [asked.id],
      }),
    ]);
    expect(report.candidateVersion).not.toBe(report.currentVersion);
  });

  it("lists the selections an added category allows, naming the rule that denied them", async () => {
    const wider = candidate((t) =>
      t.replace(
        "categories: [IDENTIFIER, IDENTITY, MINOR, FLAG]",
        "categories: [IDENTIFIER, IDENTITY, MINOR, FLAG, RESIDENCE]",
      ),
    );
    const report = await preview(wider.pdp, { event: asked }, { unreadable: "0000-bad" });
    expect(report.newlyDenied).toEqual([]);
    expect(report.newlyAllowed).toEqual([
      expect.objectContaining({
        category: "RESIDENCE",
        rule: "R5-1",
        grantedBy: ["AGR-MS-BP-BORDER"],
        examples: [asked.id],
      }),
    ]);
    expect(report.notReplayable).toEqual([expect.objectContaining({ events: 1, examples: ["0000-bad"] })]);
  });

  it("finds no change for a candidate that decides alike", async () => {
    const same = candidate((t) =>
      t.replace("title: Identity and status flags", "title: Identity and status flags (renamed)"),
    );
    const report = await preview(same.pdp, { event: asked });
    expect(report.totals).toMatchObject({ newlyAllowed: 0, newlyDenied: 0, basisChanged: 0 });
  });

  it("refuses a candidate folder that holds nothing of a policy set, or half of the rules", () => {
    const empty = mkdtempSync(path.join(root, "empty-"));
    expect(() => candidatePaths(empty, repoRoot)).toThrow(CandidateError);
    mkdirSync(path.join(empty, "policies"));
    expect(() => candidatePaths(empty, repoRoot)).toThrow(/both hub.cedarschema and rules/);
  });
});
