/**
 * The gateway's audit writer against a real audit database of the test's own: the largest group
 * commit fits PostgreSQL's parameter limit, and no failure of the store (refused connections, a
 * connection killed while it waits for the chain lock, a missing head row, one bad value) wedges
 * the appends that follow; the chain verifies after each.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Client } from "pg";
import { pino } from "pino";
import {
  AUDIT_MAX_BATCH_SIZE,
  AuditWriter,
  keyFiles,
  loadAuditKeys,
  type AuditWriterOptions,
  type FlushReport,
} from "@hub/gateway";
import { runHubCommand, verifyAuditLog, withAuditDb } from "../harness/auditDb";
import { hub } from "../harness/fixtures";
import {
  createOwnAuditDatabase,
  syntheticAuditEvent,
  withChainLockHeld,
  type OwnAuditDatabase,
} from "../harness/ownAuditDb";
import { startTcpRelay, type TcpRelay } from "../harness/processes";

let own: OwnAuditDatabase;
let relay: TcpRelay;
const writers: AuditWriter[] = [];
const keys = loadAuditKeys(keyFiles(hub.keysDir, "audit").privateJwk, keyFiles(hub.keysDir, "audit").publicJwks);

function writer(overrides: Partial<AuditWriterOptions> = {}): AuditWriter {
  const relayed = new URL(own.url);
  relayed.host = `127.0.0.1:${relay.port}`;
  const created = new AuditWriter({
    databaseUrl: relayed.toString(),
    poolSize: 2,
    keys,
    flushMs: 5,
    batchSize: 200,
    connectTimeoutMs: 1000,
    lockTimeoutMs: 1000,
    statementTimeoutMs: 3000,
    log: pino({ level: "silent" }),
    ...overrides,
  });
  writers.push(created);
  return created;
}

const count = () =>
  withAuditDb(
    async (db) => Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM audit_event")).rows[0]?.n),
    own.url,
  );

const expectChainValid = async (events: number) => {
  const verified = await verifyAuditLog([], own.url);
  expect(verified.output).toMatch(new RegExp(`audit chain valid: ${events} events`));
  expect(verified.code).toBe(0);
};

/** Settles to "written" or the error's class, so a test can compare outcomes. */
const outcome = (append: Promise<void>) =>
  append.then(
    () => "written",
    (error: unknown) => (error as Error).constructor.name,
  );

beforeAll(async () => {
  own = await createOwnAuditDatabase();
  const url = new URL(own.url);
  relay = await startTcpRelay(url.hostname, Number(url.port || 5432));
}, 60_000);

afterAll(async () => {
  await Promise.all(writers.map((w) => w.stop().catch(() => undefined)));
  await relay?.close();
  await own?.drop();
});

describe("audit writer", () => {
  it(`writes the largest batch (${AUDIT_MAX_BATCH_SIZE} events × 16 columns, past 65,535 parameters) in one transaction`, async () => {
    const flushes: FlushReport[] = [];
    // One statement of 5,000 rows takes about a second here when the machine is idle and can pass
    // the writer's 3 s test timeout under load: this test is about parameters, not time.
    const w = writer({
      batchSize: AUDIT_MAX_BATCH_SIZE,
      flushMs: 10_000,
      statementTimeoutMs: 20_000,
      onFlush: (r) => flushes.push(r),
    });
    const appends = Array.from({ length: AUDIT_MAX_BATCH_SIZE }, (_, i) => w.append(syntheticAuditEvent(i)));
    expect(w.queueDepth).toBe(AUDIT_MAX_BATCH_SIZE);
    await Promise.all(appends);
    expect(flushes).toEqual([
      {
        durationMs: expect.any(Number),
        events: AUDIT_MAX_BATCH_SIZE,
        written: AUDIT_MAX_BATCH_SIZE,
        lockWaitMs: expect.any(Number),
      },
    ]);
    expect(w.queueDepth).toBe(0);
    expect(await count()).toBe(AUDIT_MAX_BATCH_SIZE);
    await expectChainValid(AUDIT_MAX_BATCH_SIZE);
  }, 60_000);

  it("refuses while the store refuses connections, then writes again", async () => {
    const w = writer();
    const before = await count();
    relay.cut();
    try {
      expect(await outcome(w.append(syntheticAuditEvent(1)))).toBe("AuditUnavailableError");
      expect(await outcome(w.append(syntheticAuditEvent(2)))).toBe("AuditUnavailableError");
    } finally {
      relay.resume();
    }
    expect(await outcome(w.append(syntheticAuditEvent(3)))).toBe("written");
    expect(await count()).toBe(before + 1);
    await expectChainValid(before + 1);
  });

  it("survives its connection killed while it waits for the chain lock (the rollback fails too), then writes again", async () => {
    const w = writer({ lockTimeoutMs: 20_000, statementTimeoutMs: 20_000 });
    const before = await count();
    await withChainLockHeld(own.url, async (holder) => {
      const waiting = outcome(w.append(syntheticAuditEvent(4)));
      const pid = await withAuditDb(waitForLockWaiter, own.url);
      await holder.query("SELECT pg_terminate_backend($1)", [pid]);
      expect(await waiting).toBe("AuditUnavailableError");
    });
    expect(await outcome(w.append(syntheticAuditEvent(5)))).toBe("written");
    await expectChainValid(before + 1);
  });

  it("waits for the chain lock another appender holds, appends after it and reports the wait", async () => {
    const flushes: FlushReport[] = [];
    const w = writer({ onFlush: (report) => flushes.push(report) });
    const before = await count();
    let appended: Promise<string> | undefined;
    await withChainLockHeld(own.url, async () => {
      appended = outcome(w.append(syntheticAuditEvent(7)));
      await withAuditDb(waitForLockWaiter, own.url);
      await new Promise((r) => setTimeout(r, 300));
      expect(await count()).toBe(before);
    });
    expect(await appended).toBe("written");
    expect(flushes).toHaveLength(1);
    expect(flushes[0]?.lockWaitMs).toBeGreaterThanOrEqual(300);
    await expectChainValid(before + 1);
  });

  it("refuses while the chain head row is missing, then writes again once it is back", async () => {
    const w = writer();
    const before = await count();
    const head = await withAuditDb(
      async (db) => (await db.query("DELETE FROM audit_chain_head RETURNING *")).rows[0] as Record<string, unknown>,
      own.url,
    );
    try {
      expect(await outcome(w.append(syntheticAuditEvent(6)))).toBe("AuditUnavailableError");
    } finally {
      await withAuditDb(
        (db) =>
          db.query("INSERT INTO audit_chain_head (id, seq, hash, key_id, signature) VALUES ($1, $2, $3, $4, $5)", [
            head.id,
            head.seq,
            head.hash,
            head.key_id,
            head.signature,
          ]),
        own.url,
      );
    }
    expect(await outcome(w.append(syntheticAuditEvent(7)))).toBe("written");
    await expectChainValid(before + 1);
  });

  it("extends no head without a valid signature (it may hide a cut), until an operator signs it with npm run audit:sign-head", async () => {
    const w = writer();
    const before = await count();
    await withAuditDb((db) => db.query("UPDATE audit_chain_head SET signature = NULL"), own.url);
    expect(await outcome(w.append(syntheticAuditEvent(11)))).toBe("AuditUnavailableError");
    expect(await count()).toBe(before);
    const signed = await runHubCommand("gateway/dist/cli/signAuditHead.js", [], { AUDIT_DATABASE_URL: own.url });
    expect(signed).toMatchObject({
      code: 0,
      output: expect.stringContaining(`audit chain head signed: event ${before}`),
    });
    expect(await outcome(w.append(syntheticAuditEvent(12)))).toBe("written");
    await expectChainValid(before + 1);
  });

  it("withholds only the event the store refuses for its values; the rest of its batch is written", async () => {
    const w = writer({ flushMs: 50 });
    const before = await count();
    const results = await Promise.all([
      outcome(w.append(syntheticAuditEvent(8))),
      outcome(w.append(syntheticAuditEvent(9, { occurredAt: "not a time" }))),
      outcome(w.append(syntheticAuditEvent(10))),
    ]);
    expect(results).toEqual(["written", "AuditUnavailableError", "written"]);
    await expectChainValid(before + 2);
  });
});

/** The audit writer's session waiting for the chain lock, once it is (asked outside a transaction, which would see one snapshot). */
async function waitForLockWaiter(db: Client): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { rows } = await db.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE application_name = 'hub-gateway-audit' AND wait_event_type = 'Lock' AND datname = current_database()",
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the audit writer never waited for the chain lock");
}
