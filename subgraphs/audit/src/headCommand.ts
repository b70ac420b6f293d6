/**
 * `npm run audit -- head`: prints the chain head as one JSON line (position, hash, key id,
 * signature, whether the signature holds, when it was read), for auditors to keep outside the
 * database. `npm run audit -- head --contains <line or file>` checks later (after a restore, say)
 * that the log still holds that position with that hash: with `verify`, that every event up to it
 * is as it was when the line was recorded. Exit status: 0 held, 1 not held, 2 unusable input.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { DataSource } from "typeorm";
import { z } from "zod";
import { verifyChainHead } from "@hub/contracts";
import { AuditChainHead } from "./AuditChainHead.entity";
import { AuditEventRecord } from "./AuditEventRecord.entity";
import { processEnvironment } from "@hub/kit";
import { withCommandDatabase } from "./commandDatabase";
import { loadAuditConfig, loadAuditJwks } from "./loadAuditConfig";
import { auditDefaults } from "./subgraph";

export const HEAD_EXIT = { held: 0, notHeld: 1, unusable: 2 } as const;

const recordedHead = z.object({
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  keyId: z.string().nullable(),
  signature: z.string().nullable(),
});
type RecordedHead = z.infer<typeof recordedHead>;

export class HeadInputError extends Error {}

/** A recorded head: the JSON line itself, or a file holding it (its last line, for a file appended to). */
export function parseRecordedHead(value: string): RecordedHead {
  let text = value.trim();
  if (!text.startsWith("{")) {
    try {
      text = readFileSync(text, "utf8").trim().split("\n").pop() ?? "";
    } catch {
      throw new HeadInputError(`--contains: ${value} is neither a recorded head (JSON) nor a readable file`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HeadInputError("--contains: the recorded head is not JSON");
  }
  const head = recordedHead.safeParse(parsed);
  if (!head.success) {
    const issue = head.error.issues[0];
    throw new HeadInputError(`--contains: ${issue?.path.join(".") || "the head"}: ${issue?.message}`);
  }
  return head.data;
}

async function currentHead(db: DataSource): Promise<AuditChainHead> {
  const head = await db.getRepository(AuditChainHead).findOneBy({ id: 1 });
  if (!head) throw new Error("the audit chain has no head row; run the audit subgraph's migrations");
  return head;
}

/** Whether the log holds the recorded position with the recorded hash, in words. */
export async function checkContains(db: DataSource, recorded: RecordedHead): Promise<{ held: boolean; line: string }> {
  const head = await currentHead(db);
  if (recorded.seq === 0) return { held: true, line: `the recorded head is the empty log (head now at ${head.seq})` };
  const event = await db.getRepository(AuditEventRecord).findOneBy({ seq: recorded.seq });
  if (!event) {
    const lost = head.seq < recorded.seq ? `: the log ends at ${head.seq}, ${recorded.seq - head.seq} events lost` : "";
    return { held: false, line: `event ${recorded.seq} of the recorded head is missing${lost}` };
  }
  if (event.hash !== recorded.hash) {
    return { held: false, line: `event ${recorded.seq} has another hash than recorded (the log was rewritten)` };
  }
  return { held: true, line: `the log holds event ${recorded.seq} with the recorded hash (head now at ${head.seq})` };
}

export async function runHeadCommand(argv: string[], env: NodeJS.ProcessEnv = processEnvironment()): Promise<number> {
  let contains: RecordedHead | undefined;
  try {
    const { values } = parseArgs({ args: argv, options: { contains: { type: "string" } }, strict: true });
    contains = values.contains === undefined ? undefined : parseRecordedHead(values.contains);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nusage: npm run audit -- head [--contains <line or file>]\n`);
    return HEAD_EXIT.unusable;
  }
  const jwks = () => loadAuditJwks(loadAuditConfig(auditDefaults, env).auditJwksPath);
  return withCommandDatabase(env, async (db) => {
    if (contains) {
      const signed = contains.seq === 0 || verifyChainHead(jwks(), contains);
      const { held, line } = await checkContains(db, contains);
      process.stdout.write(`${line}${signed ? "" : "; the recorded head is not signed by the audit key"}\n`);
      return held && signed ? HEAD_EXIT.held : HEAD_EXIT.notHeld;
    }
    const head = await currentHead(db);
    const signed = head.seq === 0 || verifyChainHead(jwks(), head);
    const { seq, hash, keyId, signature } = head;
    process.stdout.write(
      `${JSON.stringify({ seq, hash, keyId, signature, signed, readAt: new Date().toISOString() })}\n`,
    );
    return HEAD_EXIT.held;
  });
}
