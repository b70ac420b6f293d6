/** Direct access to the audit database, for tests that count, tamper with or cut off the log. */
import { execFile } from "node:child_process";
import path from "node:path";
import type { Client } from "pg";
import { withDatabase } from "@hub/local/dist/serverDatabases";
import type { AuditEventContent } from "@hub/contracts";
import { hub, repoRoot } from "./fixtures";

export function withAuditDb<T>(work: (db: Client) => Promise<T>, url = hub.databaseUrls.audit): Promise<T> {
  return withDatabase(url ?? "", work);
}

export const auditEventCount = () =>
  withAuditDb(async (db) =>
    Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM audit_event")).rows[0]?.n),
  );

/** Runs a command of the hub (a built entry point) as an operator would; resolves with its exit code and output. */
export function runHubCommand(
  entry: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(repoRoot, entry), ...args],
      { env: { PATH: process.env.PATH, HUB_STATE_DIR: hub.stateDir, ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

/** Runs `npm run audit -- verify` (on the shared log unless told another). */
export const verifyAuditLog = (args: string[] = [], databaseUrl = hub.databaseUrls.audit) =>
  runHubCommand("subgraphs/audit/dist/main.js", ["verify", ...args], { AUDIT_DATABASE_URL: databaseUrl });

/** The audit event of one request (by the `x-request-id` the gateway answered with), or undefined. */
export async function auditEventOf(requestId: string | null): Promise<AuditEventContent | undefined> {
  if (!requestId) return undefined;
  return withAuditDb(async (db) => {
    const { rows } = await db.query<{ content: string }>("SELECT content FROM audit_event WHERE request_id = $1", [
      requestId,
    ]);
    if (rows.length > 1) throw new Error(`${rows.length} audit events for request ${requestId}`);
    return rows[0] ? (JSON.parse(rows[0].content) as AuditEventContent) : undefined;
  });
}

/** How many audit events each of these requests has (0 when none), in one query. */
export async function auditEventCounts(requestIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map(requestIds.map((id) => [id, 0]));
  await withAuditDb(async (db) => {
    const { rows } = await db.query<{ request_id: string; n: string }>(
      "SELECT request_id, count(*) AS n FROM audit_event WHERE request_id = ANY($1) GROUP BY request_id",
      [requestIds],
    );
    for (const row of rows) counts.set(row.request_id, Number(row.n));
  });
  return counts;
}
