/**
 * The agency clients' secrets for this local provider: generated on first run into its state
 * folder (owner-readable only, never committed) and kept across restarts.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { writeStateFile } from "./writeStateFile";

export const CLIENT_SECRETS_FILE = "client-secrets.json";
const secretsSchema = z.record(z.string().min(1).max(100), z.string().min(32).max(200));

export const clientSecretsPath = (stateDir: string) => path.join(stateDir, CLIENT_SECRETS_FILE);

export function readClientSecrets(stateDir: string): Record<string, string> {
  const file = clientSecretsPath(stateDir);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    // Not the parser's message: it quotes the file, and this file holds secrets.
    const reason = (error as NodeJS.ErrnoException).code ?? "not JSON";
    throw new Error(`Cannot read the client secrets at ${file} (${reason})`);
  }
  const parsed = secretsSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`The client secrets at ${file} are not valid (client id → secret of 32+ characters)`);
  return parsed.data;
}

/** Every client's secret, generating (and saving) those missing. */
export function ensureClientSecrets(stateDir: string, clientIds: readonly string[]): Record<string, string> {
  const secrets = existsSync(clientSecretsPath(stateDir)) ? readClientSecrets(stateDir) : {};
  const missing = clientIds.filter((id) => !Object.hasOwn(secrets, id));
  for (const id of missing) secrets[id] = randomBytes(32).toString("base64url");
  if (missing.length > 0) writeStateFile(clientSecretsPath(stateDir), `${JSON.stringify(secrets, null, 2)}\n`);
  return secrets;
}
