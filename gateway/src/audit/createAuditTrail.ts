/**
 * The audit stage's dependencies from configuration: the writer with the audit signing key, and
 * the keyed hash of personal values with its own secret (AUDIT_VALUE_KEY). The two are kept apart
 * so that whoever may verify or hold the signing key learns nothing about hashed values, and a
 * leaked value secret forges no checkpoint.
 */
import { readFileSync } from "node:fs";
import type { Logger } from "pino";
import type { GatewayConfig } from "../config";
import { loadAuditKeys } from "./auditKeys";
import type { AuditTrail } from "./auditTrail";
import { AuditWriter, type FlushReport } from "./AuditWriter";
import { createValueHasher } from "./buildAuditEvent";

/** Shortest accepted value secret: 32 characters (the generated one is 43). */
const MIN_VALUE_KEY_LENGTH = 32;

export function createAuditTrail(
  config: GatewayConfig,
  policyVersion: string,
  log: Logger,
  onFlush?: (report: FlushReport) => void,
): AuditTrail {
  return {
    writer: new AuditWriter({
      ...config.audit,
      keys: loadAuditKeys(config.audit.keyPath, config.audit.jwksPath),
      log,
      onFlush,
    }),
    policyVersion,
    hash: createValueHasher(readValueKey(config.audit.valueKeyPath)),
  };
}

function readValueKey(file: string): string {
  let secret: string;
  try {
    secret = readFileSync(file, "utf8").trim();
  } catch {
    throw new Error(`Cannot read the audit value key (AUDIT_VALUE_KEY) at ${file}; run npm run keys`);
  }
  if (secret.length < MIN_VALUE_KEY_LENGTH) {
    throw new Error(
      `The audit value key (AUDIT_VALUE_KEY) at ${file} is shorter than ${MIN_VALUE_KEY_LENGTH} characters`,
    );
  }
  return secret;
}
