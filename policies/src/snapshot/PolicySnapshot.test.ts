/** A snapshot of the policy files rebuilds the same decision point: the same version and the same decisions. */
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { AGENCIES, DATA_CATEGORIES, PURPOSES, type Principal } from "@hub/contracts";
import { PolicyDecisionPoint } from "../PolicyDecisionPoint";
import { defaultPolicyPaths } from "../policySet";
import { parsePolicySnapshot, policySnapshot, policySnapshotText, PolicySnapshotError } from "./PolicySnapshot";
import { snapshotVersion } from "./snapshotVersion";

const paths = defaultPolicyPaths(path.resolve(__dirname, "..", "..", ".."));
const fromFiles = PolicyDecisionPoint.load(paths, "AM", { cacheLimit: 0 });
const snapshot = policySnapshot(paths, "AM");

const principals: Principal[] = [
  {
    subject: "officer-0147",
    agency: "BORDER_POLICE",
    role: "border-officer",
    country: "AM",
    purposes: ["BORDER_CHECK"],
    cases: [],
  },
  { subject: "auditor-01", agency: "HUB_OPERATOR", role: "auditor", country: "AM", purposes: ["AUDIT"], cases: [] },
  {
    subject: "tr-pmm-readmission-017",
    agency: "TR-PMM",
    role: "readmission-officer",
    country: "TR",
    purposes: ["READMISSION"],
    cases: [],
  },
];

describe("policy snapshot", () => {
  it("rebuilds to the version of the files it was taken of, and decides alike", () => {
    const rebuilt = PolicyDecisionPoint.fromSnapshot(parsePolicySnapshot(policySnapshotText(snapshot)), {
      cacheLimit: 0,
    });
    expect(rebuilt.version).toBe(fromFiles.version);
    expect(snapshotVersion(snapshot)).toBe(fromFiles.version);
    let compared = 0;
    for (const principal of principals) {
      for (const purpose of PURPOSES) {
        for (const category of DATA_CATEGORIES) {
          for (const owner of AGENCIES) {
            const request = { principal, purpose, category, owner, today: "2026-11-25" };
            expect(rebuilt.decide(request)).toEqual(fromFiles.decide(request));
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it("is one text for one policy set", () => {
    expect(policySnapshotText(policySnapshot(paths, "AM"))).toBe(policySnapshotText(snapshot));
    expect(snapshot.rules.map((r) => r.file)).toContain("R5-1.cedar");
    expect(snapshot.agreements.length).toBeGreaterThan(5);
  });

  it("names another version when any text or the country differs", () => {
    const [first, ...rest] = snapshot.agreements;
    if (!first) throw new Error("no agreement");
    const narrowed = { ...first, text: first.text.replace("validTo: 2030-12-31", "validTo: 2029-12-31") };
    expect(narrowed.text).not.toBe(first.text);
    expect(snapshotVersion({ ...snapshot, agreements: [narrowed, ...rest] })).not.toBe(fromFiles.version);
    expect(snapshotVersion({ ...snapshot, hubCountry: "KZ" })).not.toBe(fromFiles.version);
  });

  it("refuses a stored snapshot whose file names are paths, or out of order, or of another layout", () => {
    const stored = JSON.parse(policySnapshotText(snapshot)) as typeof snapshot;
    const withRule = (file: string) => JSON.stringify({ ...stored, rules: [...stored.rules, { file, text: "" }] });
    expect(() => parsePolicySnapshot(withRule("../../etc/evil.cedar"))).toThrow(PolicySnapshotError);
    expect(() => parsePolicySnapshot(withRule("/tmp/evil.cedar"))).toThrow(/plain file name/);
    expect(() => parsePolicySnapshot(withRule("A.cedar"))).toThrow(/sorted/);
    expect(() => parsePolicySnapshot(JSON.stringify({ ...stored, format: 2 }))).toThrow(PolicySnapshotError);
    expect(() => parsePolicySnapshot("{")).toThrow(/not JSON/);
  });

  it("names the snapshot, not a temporary folder, when its texts do not load", () => {
    const [first, ...rest] = snapshot.rules;
    if (!first) throw new Error("no rule");
    const broken = { ...snapshot, rules: [{ ...first, text: "forbid (" }, ...rest] };
    expect(() => PolicyDecisionPoint.fromSnapshot(broken)).toThrow(/snapshot:/);
    expect(() => PolicyDecisionPoint.fromSnapshot(broken)).not.toThrow(/hub-policy-snapshot-/);
  });
});
