/** Chain verification against a real PostgreSQL database, with events appended as the gateway appends them. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { canonicalJson, chainHash, signChainHead, signCheckpoint, type AuditEvent } from "@hub/contracts";
import {
  appendEvents,
  createAuditTestDatabase,
  createTestKey,
  resetAuditLog,
  rowOf,
  testEvent,
  type AuditTestDatabase,
} from "./testing/auditTestDatabase";
import { describeVerification } from "./verifyCommand";
import { verifyAuditChain, type VerifyOptions } from "./verifyAuditChain";

const EVENTS = 250; // checkpoints at 100 and 200
const key = createTestKey();
let t: AuditTestDatabase;
let events: AuditEvent[];

const verify = (options: Partial<VerifyOptions> = {}) =>
  verifyAuditChain(t.db, { loadJwks: () => key.jwks, ...options });
const event = (seq: number): AuditEvent => {
  const found = events[seq - 1];
  if (!found) throw new Error(`no event ${seq}`);
  return found;
};

beforeAll(async () => {
  t = await createAuditTestDatabase();
}, 30_000);
afterAll(async () => t?.drop());
beforeEach(async () => {
  await resetAuditLog(t.db);
  events = [];
  // Several batches, as several requests would be committed.
  for (let start = 1; start <= EVENTS; start += 50) {
    const batch = Array.from({ length: 50 }, (_, i) => testEvent(start + i));
    events.push(...(await appendEvents(t.db, batch, key)));
  }
});

/** Rewrites the chain from `seq` on with one altered event, re-computing every later hash and the head. */
async function rewriteFrom(seq: number): Promise<AuditEvent[]> {
  let prevHash = event(seq - 1).hash;
  const rewritten: AuditEvent[] = [];
  for (const e of events.slice(seq - 1)) {
    const { seq: s, prevHash: _p, hash: _h, ...content } = e;
    const altered = s === seq ? { ...content, subject: "someone-else" } : content;
    const hash = chainHash(prevHash, s, altered);
    rewritten.push({ ...altered, seq: s, prevHash, hash });
    prevHash = hash;
  }
  for (const e of rewritten) {
    const row = rowOf(e);
    await t.db.query("UPDATE audit_event SET content = $2, prev_hash = $3, hash = $4, subject = $5 WHERE seq = $1", [
      e.seq,
      row[3],
      e.prevHash,
      e.hash,
      e.subject,
    ]);
  }
  await t.db.query("UPDATE audit_chain_head SET hash = $1 WHERE id = 1", [prevHash]);
  return rewritten;
}

/** Deletes the events after `seq` and moves the head back to it, as someone without the audit key could. */
async function cutBackTo(seq: number): Promise<void> {
  await t.db.query("DELETE FROM audit_event WHERE seq > $1", [seq]);
  await t.db.query("UPDATE audit_chain_head SET seq = $1, hash = $2 WHERE id = 1", [seq, event(seq).hash]);
}

describe("verifyAuditChain", () => {
  it("accepts an intact chain, read in pages of any size", async () => {
    const expected = { valid: true, eventsChecked: EVENTS, checkpointsChecked: 2, firstBroken: null };
    expect(await verify()).toEqual(expected);
    expect(await verify({ pageSize: 7 })).toEqual(expected);
    expect(describeVerification(expected)).toBe("audit chain valid: 250 events, 2 checkpoints");
  });

  it("names an event whose content was altered", async () => {
    const altered = canonicalJson({ ...JSON.parse(rowOf(event(42))[3] as string), subject: "nobody" });
    await t.db.query("UPDATE audit_event SET content = $1 WHERE seq = 42", [altered]);
    const result = await verify();
    expect(result.valid).toBe(false);
    expect(result.firstBroken).toEqual({
      seq: 42,
      id: event(42).id,
      reason: "content does not match its hash (altered)",
    });
    expect(result.eventsChecked).toBe(41);
    expect(describeVerification(result)).toBe(
      `audit chain BROKEN at event 42 (${event(42).id}): content does not match its hash (altered)`,
    );
  });

  it("names an event whose content gained a key, even one the hash input leaves out", async () => {
    const altered = canonicalJson({ ...JSON.parse(rowOf(event(42))[3] as string), seq: 42 });
    await t.db.query("UPDATE audit_event SET content = $1 WHERE seq = 42", [altered]);
    expect((await verify()).firstBroken).toMatchObject({
      seq: 42,
      reason: "content does not match its hash (altered)",
    });
  });

  it("names an event whose search column was altered", async () => {
    await t.db.query("UPDATE audit_event SET agency = 'STATISTICS_OFFICE' WHERE seq = 43");
    expect((await verify()).firstBroken).toEqual({
      seq: 43,
      id: event(43).id,
      reason: "search column agency disagrees with the content (altered)",
    });
  });

  it("names an event hidden from subject access reports by editing person_refs", async () => {
    await t.db.query("UPDATE audit_event SET person_refs = '{}' WHERE seq = 43");
    expect((await verify()).firstBroken).toMatchObject({
      seq: 43,
      reason: "search column person_refs disagrees with the content (altered)",
    });
  });

  it("names a deleted event by its missing position", async () => {
    await t.db.query("DELETE FROM audit_event WHERE seq = 44");
    const result = await verify({ pageSize: 10 });
    expect(result.firstBroken).toEqual({ seq: 44, id: null, reason: "event 44 is missing (found 45 next)" });
    expect(describeVerification(result)).toBe(
      "audit chain BROKEN at event 44 (missing): event 44 is missing (found 45 next)",
    );
  });

  it("names two events whose positions were swapped", async () => {
    await t.db.query("UPDATE audit_event SET seq = CASE seq WHEN 45 THEN 46 ELSE 45 END WHERE seq IN (45, 46)");
    expect((await verify()).firstBroken).toEqual({
      seq: 45,
      id: event(46).id,
      reason: "does not follow the previous event (previous hash differs)",
    });
  });

  it("names a position that appears twice, also across a page boundary", async () => {
    const copy = rowOf({ ...event(60), occurredAt: new Date(Date.parse(event(60).occurredAt) + 1).toISOString() });
    await t.db.query(`INSERT INTO audit_event VALUES (${copy.map((_, i) => `$${i + 1}`).join(", ")})`, copy);
    expect((await verify()).firstBroken).toMatchObject({ seq: 60, reason: "event 60 appears twice" });
    expect((await verify({ pageSize: 59 })).firstBroken).toMatchObject({ seq: 60, reason: "event 60 appears twice" });
  });

  it("names the checkpoint that no longer matches a chain rewritten after it", async () => {
    await rewriteFrom(150);
    expect((await verify()).firstBroken).toEqual({
      seq: 200,
      id: event(200).id,
      reason: "checkpoint 200 anchors another hash than the event's (the chain was rewritten)",
    });
  });

  it("names a forged checkpoint", async () => {
    const rewritten = await rewriteFrom(150);
    const forged = rewritten.find((e) => e.seq === 200);
    const forger = createTestKey(key.privateJwk.kid); // same key id, another key
    const { signature } = signCheckpoint(forger.privateJwk, 200, forged?.hash ?? "");
    await t.db.query("UPDATE audit_checkpoint SET hash = $1, signature = $2 WHERE seq = 200", [
      forged?.hash,
      signature,
    ]);
    const result = await verify();
    expect(result.firstBroken).toEqual({
      seq: 200,
      id: event(200).id,
      reason: "checkpoint 200 is not signed by the audit key (forged)",
    });
    expect(result.checkpointsChecked).toBe(2);
  });

  it("names events deleted from the end, by the chain head", async () => {
    await t.db.query("DELETE FROM audit_event WHERE seq > 240");
    expect((await verify()).firstBroken).toEqual({
      seq: 241,
      id: null,
      reason: "event 241 is missing (the chain head is at 250)",
    });
  });

  it("names events deleted from the end with the head moved back, by the checkpoint beyond it", async () => {
    await cutBackTo(190);
    expect((await verify()).firstBroken).toEqual({
      seq: 200,
      id: null,
      reason: "checkpoint 200 anchors an event missing from the log",
    });
  });

  it("names the newest events cut off with the head moved back to the new last event", async () => {
    await cutBackTo(245);
    const result = await verify();
    expect([result.firstBroken, result.eventsChecked]).toEqual([
      {
        seq: 245,
        id: event(245).id,
        reason: "the chain head (event 245) is not signed by the audit key (the newest events may have been cut off)",
      },
      245,
    ]);
  });

  it("takes no unsigned head, no head signed by another key, and no checkpoint's signature as the head's", async () => {
    const cutTo = async (seq: number, keyId: string | null, signature: string | null) => {
      await t.db.query("DELETE FROM audit_event WHERE seq > $1", [seq]);
      await t.db.query("DELETE FROM audit_checkpoint WHERE seq > $1", [seq]);
      await t.db.query("UPDATE audit_chain_head SET seq = $1, hash = $2, key_id = $3, signature = $4 WHERE id = 1", [
        seq,
        event(seq).hash,
        keyId,
        signature,
      ]);
      return (await verify()).firstBroken?.reason;
    };
    expect(await cutTo(240, null, null)).toMatch(/chain head \(event 240\) is not signed by the audit key/);
    const forger = createTestKey(key.privateJwk.kid);
    const forged = signChainHead(forger.privateJwk, 230, event(230).hash);
    expect(await cutTo(230, forged.keyId, forged.signature)).toMatch(/chain head \(event 230\) is not signed/);
    const [checkpoint] = (await t.db.query("SELECT key_id, signature FROM audit_checkpoint WHERE seq = 200")) as {
      key_id: string;
      signature: string;
    }[];
    expect(await cutTo(200, checkpoint?.key_id ?? "", checkpoint?.signature ?? "")).toMatch(
      /chain head \(event 200\) is not signed/,
    );
    // Signed with the audit key itself, the same cut passes: only the key's holder can cut the log.
    const genuine = signChainHead(key.privateJwk, 200, event(200).hash);
    expect(await cutTo(200, genuine.keyId, genuine.signature)).toBeUndefined();
  });

  it("names an event appended past the chain head", async () => {
    await t.db.query("UPDATE audit_chain_head SET seq = 249, hash = $1 WHERE id = 1", [event(249).hash]);
    expect((await verify()).firstBroken).toEqual({
      seq: 250,
      id: event(250).id,
      reason: "event 250 lies beyond the chain head",
    });
  });

  it("verifies a range alone, from the event before it", async () => {
    await t.db.query("UPDATE audit_event SET agency = 'STATISTICS_OFFICE' WHERE seq = 50");
    const from = new Date(event(120).occurredAt);
    expect(await verify({ from, pageSize: 16 })).toEqual({
      valid: true,
      eventsChecked: 131,
      checkpointsChecked: 1,
      firstBroken: null,
    });
    expect((await verify()).firstBroken?.seq).toBe(50);
  });

  it("verifies a range in the middle without the chain head, and finds a break inside it", async () => {
    await t.db.query("DELETE FROM audit_event WHERE seq > 240");
    const from = new Date(event(120).occurredAt);
    const to = new Date(event(180).occurredAt);
    expect(await verify({ from, to })).toEqual({
      valid: true,
      eventsChecked: 61,
      checkpointsChecked: 0,
      firstBroken: null,
    });
    await t.db.query("DELETE FROM audit_event WHERE seq = 120");
    expect((await verify({ from, to })).firstBroken).toEqual({
      seq: 120,
      id: null,
      reason: "event 120 is missing (found 121 next)",
    });
  });

  it("accepts an empty log and an empty range", async () => {
    expect((await verify({ from: new Date(Date.parse(event(250).occurredAt) + 60_000) })).valid).toBe(true);
    await resetAuditLog(t.db);
    expect(await verify()).toEqual({ valid: true, eventsChecked: 0, checkpointsChecked: 0, firstBroken: null });
  });
});
