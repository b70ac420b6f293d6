/**
 * `npm run policies -- impact`: requests through a gateway recorded in an audit log of the test's
 * own, then previews of candidate policy sets (the repository's files copied, one demo agreement
 * changed) on those records; and the CI check of agreement changes on the repository itself.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { runHubCommand, withAuditDb } from "../harness/auditDb";
import { as, gql, personaToken, repoRoot, world } from "../harness/fixtures";
import { createOwnAuditDatabase, type OwnAuditDatabase } from "../harness/ownAuditDb";
import { startOwnGateway, type OwnedProcess } from "../harness/processes";

interface Group {
  agency: string;
  purpose: string;
  owner: string;
  category: string;
  rule: string;
  grantedBy: string[];
  fields: string[];
  selections: number;
  events: number;
  examples: string[];
}
interface Preview {
  totals: { eventsRead: number; newlyAllowed: number; newlyDenied: number; recordedDiffers: number };
  newlyDenied: Group[];
  newlyAllowed: Group[];
  candidateReplaces: string[];
}

const BORDER_CATEGORIES = "categories: [IDENTIFIER, IDENTITY, MINOR, FLAG]";
const QUERY = `query ($ref: ID!) { person(personRef: $ref) { familyName givenName } }`;

let own: OwnAuditDatabase;
let gateway: OwnedProcess;
let work: string;
const eventIds: { allowed: string[]; denied: string[] } = { allowed: [], denied: [] };

const impact = (args: string[]) =>
  runHubCommand("policies/dist/cli.js", ["impact", ...args], { AUDIT_DATABASE_URL: own.url });

/** A candidate folder: the repository's files (all, or the agreements only) with ms-to-bp-border.yaml edited. */
function candidate(name: string, edit: (text: string) => string, whole = true): string {
  const dir = path.join(work, name);
  const agreements = path.join(dir, "contracts", "agreements");
  mkdirSync(agreements, { recursive: true });
  cpSync(path.join(repoRoot, "contracts", "agreements"), agreements, { recursive: true });
  if (whole) {
    cpSync(path.join(repoRoot, "policies", "hub.cedarschema"), path.join(dir, "policies", "hub.cedarschema"));
    cpSync(path.join(repoRoot, "policies", "rules"), path.join(dir, "policies", "rules"), { recursive: true });
    cpSync(path.join(repoRoot, "contracts", "regimes.yaml"), path.join(dir, "contracts", "regimes.yaml"));
  }
  const file = path.join(agreements, "ms-to-bp-border.yaml");
  const text = readFileSync(file, "utf8");
  const edited = edit(text);
  if (edited === text) throw new Error(`the edit of ${name} changed nothing: has the demo agreement changed?`);
  writeFileSync(file, edited);
  return dir;
}

async function eventIdOf(requestId: string | null): Promise<string> {
  const rows = await withAuditDb(
    (db) => db.query<{ id: string }>("SELECT id FROM audit_event WHERE request_id = $1", [requestId]),
    own.url,
  );
  const id = rows.rows[0]?.id;
  if (!id) throw new Error(`no audit event for request ${requestId}`);
  return id;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "impact-e2e-"));
  own = await createOwnAuditDatabase();
  gateway = await startOwnGateway({ AUDIT_DATABASE_URL: own.url });
  const url = `${gateway.origin}/graphql`;
  const refs = world()
    .persons.filter((p) => p.dateOfBirth < "2000-01-01" && p.retainUntil > "2027-01-01")
    .map((p) => p.personRef);
  const officer = await as("border-officer");
  // A role no agreement names: denied by R5-1 today.
  const lead = { token: await personaToken("border-officer", { role: "shift-lead" }), purpose: "BORDER_CHECK" };
  for (const ref of refs.slice(0, 4)) {
    const allowed = await gql(QUERY, { ...officer, url, variables: { ref } });
    expect(allowed.status).toBe(200);
    eventIds.allowed.push(await eventIdOf(allowed.headers.get("x-request-id")));
  }
  for (const ref of refs.slice(0, 2)) {
    const denied = await gql(QUERY, { ...lead, url, variables: { ref } });
    expect(denied.status).toBe(403);
    eventIds.denied.push(await eventIdOf(denied.headers.get("x-request-id")));
  }
});

afterAll(async () => {
  await gateway?.stop();
  await own?.drop();
  rmSync(work, { recursive: true, force: true });
});

describe("previewing a policy change on recorded decisions", () => {
  it("lists what removing a category would deny, with example events, and exits 3", async () => {
    const dir = candidate("narrower", (t) => t.replace(BORDER_CATEGORIES, "categories: [IDENTIFIER, MINOR, FLAG]"));
    const { code, output } = await impact(["--candidate", dir, "--days", "1", "--json"]);
    expect(code).toBe(3);
    const preview = JSON.parse(output) as Preview;
    expect(preview.candidateReplaces).toEqual(["policies", "agreements", "regimes"]);
    expect(preview.totals).toMatchObject({ eventsRead: 6, newlyAllowed: 0, newlyDenied: 12, recordedDiffers: 0 });
    expect(preview.newlyDenied).toEqual([
      expect.objectContaining({
        agency: "BORDER_POLICE",
        purpose: "BORDER_CHECK",
        owner: "MIGRATION_SERVICE",
        category: "IDENTITY",
        rule: "R5-1",
        grantedBy: ["AGR-MS-BP-BORDER"],
        fields: ["Person.familyName", "Person.givenName", "Query.person"],
        selections: 12,
        events: 4,
        examples: eventIds.allowed.slice(0, 3),
      }),
    ]);
  });

  it("lists what adding a role would allow, naming the rule that denied it, in the readable report", async () => {
    const dir = candidate(
      "wider",
      (t) => t.replace("roles: [border-officer]\n", "roles: [border-officer, shift-lead]\n"),
      false,
    );
    const json = await impact(["--candidate", dir, "--json"]);
    expect(json.code).toBe(3);
    const preview = JSON.parse(json.output) as Preview;
    expect(preview.candidateReplaces).toEqual(["agreements"]);
    expect(preview.newlyDenied).toEqual([]);
    expect(preview.newlyAllowed).toEqual([
      expect.objectContaining({
        agency: "BORDER_POLICE",
        category: "IDENTITY",
        rule: "R5-1",
        grantedBy: ["AGR-MS-BP-BORDER"],
        selections: 6,
        events: 2,
        examples: eventIds.denied,
      }),
    ]);
    const text = await impact(["--candidate", dir]);
    expect(text.code).toBe(3);
    expect(text.output).toMatch(/newly allowed\s+6/);
    expect(text.output).toContain("BORDER_POLICE for BORDER_CHECK: IDENTITY of MIGRATION_SERVICE, was denied by R5-1");
    expect(text.output).toContain(eventIds.denied[0]);
  });

  it("exits 0 for a candidate that decides alike, and 1 for one that does not load", async () => {
    const same = candidate(
      "same",
      (t) => t.replace("title: Identity and status flags", "title: Identity flags"),
      false,
    );
    const { code, output } = await impact(["--candidate", same]);
    expect(output).toContain("The candidate changes no recorded decision.");
    expect(code).toBe(0);
    const broken = candidate("broken", (t) => t.replace(BORDER_CATEGORIES, "categories: [IDENTIFIER, HEALTH]"), false);
    const refused = await impact(["--candidate", broken]);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/ms-to-bp-border\.yaml:\d+: categories\.1: HEALTH is a special category/);
    expect((await impact(["--candidate", same, "--days", "zero"])).code).toBe(2);
  });

  it("passes the CI check of agreement changes on the repository as it is", async () => {
    const { code, output } = await impact(["--check-agreements", "--base", "HEAD"]);
    expect(output).toMatch(/No agreement grants anything other than at HEAD|Every widening is acknowledged/);
    expect(code).toBe(0);
  });
});
