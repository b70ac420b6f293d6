/**
 * The token the profile pull runs with: the service client's own, read from a file, or on the
 * local hub one minted for the statistics-service demo persona with the development identity
 * provider's key, as `npm run token` does.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_AUDIENCE, DEMO_ISSUER, keyFiles, loadSigningKey, mintToken, PERSONAS } from "@hub/gateway";
import type { LauncherConfig } from "./launcherConfig";

/** Long enough for every pull of a first start. */
const TTL_SECONDS = 3600;

export class TokenUnavailableError extends Error {}

export function readTokenFile(file: string): string {
  if (!existsSync(file)) throw new TokenUnavailableError(`the token file ${file} does not exist`);
  const token = readFileSync(file, "utf8").trim();
  if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token)) throw new TokenUnavailableError(`${file} does not hold a JWT`);
  return token;
}

/** A token of the statistics-service persona, signed with the local hub's identity-provider key. */
export async function mintStatisticsServiceToken(launcher: LauncherConfig, privateJwk?: string): Promise<string> {
  const keyFile = privateJwk ?? keyFiles(path.join(launcher.stateDir, "keys"), "idp").privateJwk;
  if (!existsSync(keyFile)) {
    throw new TokenUnavailableError(
      `no token: pass --token-file or set STATISTICS_SERVICE_TOKEN_FILE (there is no local hub key at ${keyFile} to mint one with; is the hub started with npm start?)`,
    );
  }
  const persona = PERSONAS["statistics-service"];
  return mintToken(
    await loadSigningKey(keyFile),
    { ...persona, purposes: [...persona.purposes], country: launcher.hubCountry, cases: [] },
    // The development issuer, which a gateway trusts in demo mode only.
    { issuer: DEMO_ISSUER, audience: DEFAULT_AUDIENCE, ttlSeconds: TTL_SECONDS },
  );
}
