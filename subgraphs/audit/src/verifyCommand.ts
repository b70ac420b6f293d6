/**
 * `npm run audit -- verify [--from ISO] [--to ISO]`: verifies the audit chain from the command
 * line. Prints one line; the exit status is 0 for an intact chain and 1 for a broken one.
 */
import { parseArgs } from "node:util";
import { processEnvironment } from "@hub/kit";
import { withCommandDatabase } from "./commandDatabase";
import { loadAuditJwks, loadAuditConfig } from "./loadAuditConfig";
import { auditDefaults } from "./subgraph";
import { verifyAuditChain, type ChainVerificationResult } from "./verifyAuditChain";

function instant(option: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new Error(`--${option} must be an ISO 8601 date or time, e.g. 2026-01-31T00:00:00Z`);
  return date;
}

export function describeVerification(result: ChainVerificationResult): string {
  const broken = result.firstBroken;
  if (!broken) return `audit chain valid: ${result.eventsChecked} events, ${result.checkpointsChecked} checkpoints`;
  return `audit chain BROKEN at event ${broken.seq} (${broken.id ?? "missing"}): ${broken.reason}`;
}

/** Runs the verification and returns the exit status. */
export async function runVerifyCommand(argv: string[], env: NodeJS.ProcessEnv = processEnvironment()): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { from: { type: "string" }, to: { type: "string" } },
    strict: true,
  });
  const from = instant("from", values.from);
  const to = instant("to", values.to);
  const settings = loadAuditConfig(auditDefaults, env);
  return withCommandDatabase(env, async (db) => {
    const result = await verifyAuditChain(db, { from, to, loadJwks: () => loadAuditJwks(settings.auditJwksPath) });
    process.stdout.write(`${describeVerification(result)}\n`);
    return result.valid ? 0 : 1;
  });
}
