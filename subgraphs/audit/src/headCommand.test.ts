/** The signed head an auditor keeps outside the database, and the check after a restore that the log still holds it. */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from "@jest/globals";
import {
  appendEvents,
  createAuditTestDatabase,
  createTestKey,
  resetAuditLog,
  testEvent,
  type AuditTestDatabase,
} from "./testing/auditTestDatabase";
import { HEAD_EXIT, runHeadCommand } from "./headCommand";

const key = createTestKey();
let t: AuditTestDatabase;
let env: NodeJS.ProcessEnv;
let printed: string[];

async function append(from: number, count: number): Promise<void> {
  await appendEvents(
    t.db,
    Array.from({ length: count }, (_, i) => testEvent(from + i)),
    key,
  );
}

async function head(argv: string[] = []): Promise<{ status: number; out: string }> {
  printed = [];
  const status = await runHeadCommand(argv, env);
  return { status, out: printed.join("") };
}

beforeAll(async () => {
  t = await createAuditTestDatabase();
  const dir = mkdtempSync(path.join(os.tmpdir(), "audit-head-"));
  const jwks = path.join(dir, "audit.jwks.json");
  writeFileSync(jwks, JSON.stringify(key.jwks));
  env = { AUDIT_DATABASE_URL: (t.db.options as { url?: string }).url, AUDIT_JWKS: jwks, HUB_STATE_DIR: dir };
}, 30_000);
afterAll(async () => t?.drop());
beforeEach(async () => {
  await resetAuditLog(t.db);
  await append(1, 120);
  jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  jest.restoreAllMocks();
});

describe("npm run audit -- head", () => {
  it("prints the head as one JSON line, its signature checked", async () => {
    const { status, out } = await head();
    expect(status).toBe(HEAD_EXIT.held);
    const line = JSON.parse(out) as Record<string, unknown>;
    expect(line).toMatchObject({ seq: 120, keyId: "audit-test", signed: true });
    expect(line.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("finds a recorded head in the log that grew since", async () => {
    const recorded = (await head()).out.trim();
    await append(121, 30);
    const { status, out } = await head(["--contains", recorded]);
    expect(out).toBe("the log holds event 120 with the recorded hash (head now at 150)\n");
    expect(status).toBe(HEAD_EXIT.held);
  });

  it("reads the recorded head from a file the auditors append to (its last line)", async () => {
    const file = path.join(String(env.HUB_STATE_DIR), "heads.jsonl");
    writeFileSync(file, `{"seq":0,"hash":"${"0".repeat(64)}","keyId":null,"signature":null}\n${(await head()).out}`);
    expect((await head(["--contains", file])).out).toContain("holds event 120");
  });

  it("names the events lost when the log was restored to an earlier point", async () => {
    const recorded = (await head()).out.trim();
    // What a restore to an earlier point leaves: the events after 100 gone, the head as it was then.
    await t.db.query("DELETE FROM audit_event WHERE seq > 100");
    await t.db.query("UPDATE audit_chain_head SET seq = 100, hash = (SELECT hash FROM audit_event WHERE seq = 100)");
    const { status, out } = await head(["--contains", recorded]);
    expect(out).toBe("event 120 of the recorded head is missing: the log ends at 100, 20 events lost\n");
    expect(status).toBe(HEAD_EXIT.notHeld);
  });

  it("says the log was rewritten when the event has another hash", async () => {
    const recorded = (await head()).out.trim();
    await t.db.query(`UPDATE audit_event SET hash = '${"a".repeat(64)}' WHERE seq = 120`);
    const { status, out } = await head(["--contains", recorded]);
    expect(out).toContain("event 120 has another hash than recorded (the log was rewritten)");
    expect(status).toBe(HEAD_EXIT.notHeld);
  });

  it("does not take a recorded head that the audit key did not sign", async () => {
    const recorded = JSON.parse((await head()).out) as { signature: string };
    const forged = JSON.stringify({ ...recorded, signature: `${recorded.signature.slice(0, -4)}AAAA` });
    const { status, out } = await head(["--contains", forged]);
    expect(out).toContain("the recorded head is not signed by the audit key");
    expect(status).toBe(HEAD_EXIT.notHeld);
  });

  it.each([
    [["--contains", "{not json"], "not JSON"],
    [["--contains", '{"seq":-1,"hash":"x","keyId":null,"signature":null}'], "seq"],
    [["--contains", "/no/such/file"], "neither a recorded head"],
    [["--since", "x"], "usage"],
  ])("refuses unusable input %j with exit 2", async (argv, message) => {
    const { status, out } = await head(argv);
    expect(status).toBe(HEAD_EXIT.unusable);
    expect(out).toContain(message);
  });
});
