/** What the impact preview reads from the environment: the audit store it re-decides the records of. */
import { z } from "zod";
import { parseEnv } from "@hub/contracts";

export interface ImpactConfig {
  /** The audit log's PostgreSQL (the gateway's AUDIT_DATABASE_URL); read only. */
  auditDatabaseUrl: string;
  connectTimeoutMs: number;
  /** Per statement: one batch of events. */
  statementTimeoutMs: number;
}

export function loadImpactConfig(env: NodeJS.ProcessEnv = process.env): ImpactConfig {
  const c = parseEnv(
    z.object({
      // The same default as the gateway's: the embedded audit database of `npm start`.
      AUDIT_DATABASE_URL: z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
        .default("postgres://postgres@127.0.0.1:54304/postgres"),
      AUDIT_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
      AUDIT_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    }),
    env,
  );
  return {
    auditDatabaseUrl: c.AUDIT_DATABASE_URL,
    connectTimeoutMs: c.AUDIT_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: c.AUDIT_STATEMENT_TIMEOUT_MS,
  };
}
