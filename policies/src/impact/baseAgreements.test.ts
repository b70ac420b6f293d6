import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { AgreementError, loadAgreements } from "../agreements";
import { agreementsAt, BaseRefError, resolveBase } from "./baseAgreements";
import { checkAgreements } from "./checkAgreements";

const AGREEMENT = [
  "id: AGR-MS-BP-TEST",
  "title: Identity for border checks",
  "provider: MIGRATION_SERVICE",
  "consumer: BORDER_POLICE",
  "purposes: [BORDER_CHECK]",
  "roles: [border-officer]",
  "categories: [IDENTIFIER, IDENTITY]",
  "legalBasis: Test protocol, art. 1",
  "validFrom: 2024-01-01",
  "validTo: 2030-12-31",
];
const ACKNOWLEDGED = [
  "acknowledgedWidening:",
  "  by: Head of Legal, Migration Service",
  "  date: 2026-11-28",
  "  reference: Amendment 2, signed 2026-11-28",
  "  widens:",
  "    - BORDER_CHECK border-officer RESIDENCE",
];

let repo: string;
let dir: string;
const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" });
const write = (lines: string[]) => writeFileSync(path.join(dir, "ms-to-bp.yaml"), `${lines.join("\n")}\n`);
const widened = AGREEMENT.map((l) =>
  l.startsWith("categories") ? "categories: [IDENTIFIER, IDENTITY, RESIDENCE]" : l,
);

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), "check-agreements-"));
  dir = path.join(repo, "contracts", "agreements");
  mkdirSync(dir, { recursive: true });
  git("init", "-q");
  write(AGREEMENT);
  git("add", "-A");
  git("-c", "user.name=t", "-c", "user.email=t@example.gov", "commit", "-qm", "agreement");
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const check = () => {
  const base = resolveBase(repo, "HEAD");
  return checkAgreements(agreementsAt(repo, base, dir), loadAgreements(dir), repo);
};

describe("agreement changes against a git commit", () => {
  it("reads the base commit's agreements and fails a widening the working tree does not acknowledge", () => {
    write(widened);
    const result = check();
    expect(result.ok).toBe(false);
    expect(result.checks[0]).toMatchObject({ id: "AGR-MS-BP-TEST", file: "contracts/agreements/ms-to-bp.yaml" });
  });

  it("passes it acknowledged in the agreement file", () => {
    write([...widened, ...ACKNOWLEDGED]);
    expect(check()).toMatchObject({ ok: true, checks: [{ status: "acknowledged" }] });
  });

  it("refuses an acknowledgment without a reference, naming its line", () => {
    write([...widened, ...ACKNOWLEDGED.filter((l) => !l.includes("reference"))]);
    expect(() => loadAgreements(dir)).toThrow(AgreementError);
    expect(() => loadAgreements(dir)).toThrow(/ms-to-bp\.yaml:11: acknowledgedWidening.reference/);
  });

  it("refuses a base that is not a commit or could be read as an option", () => {
    expect(() => resolveBase(repo, "--upload-pack=touch /tmp/x")).toThrow(BaseRefError);
    expect(() => resolveBase(repo, "no-such-branch")).toThrow(/names no commit/);
  });
});
