/**
 * `npm run token -- --persona NAME [--country XX] [--ttl SECONDS]`: prints a JWT for a demo
 * persona, signed by the local development identity provider key. `--country` moves a domestic
 * persona abroad (to try R14-1 and R14-2); a foreign persona is always of its authority's country.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadStateConfig } from "../config";
import { DEFAULT_AUDIENCE, DEMO_ISSUER } from "../auth/identityConfig";
import { ensureDevKey, loadSigningKey } from "../auth/devKeys";
import { mintToken } from "../auth/mintToken";
import { isPersonaName, PERSONA_NAMES, PERSONAS, personaPrincipal, type Persona } from "../auth/personas";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      persona: { type: "string" },
      country: { type: "string" },
      ttl: { type: "string", default: "3600" },
    },
    strict: true,
  });
  const name = values.persona ?? "";
  if (!isPersonaName(name)) {
    throw new Error(`--persona must be one of: ${PERSONA_NAMES.join(", ")}`);
  }
  const config = loadStateConfig();
  const persona: Persona = PERSONAS[name];
  const country = values.country ?? persona.country ?? config.country;
  if (!/^[A-Z]{2}$/.test(country)) throw new Error("--country must be an ISO 3166-1 alpha-2 code such as DE");
  if (persona.country && country !== persona.country) {
    throw new Error(
      `--persona ${name} acts for ${persona.agency}, an authority of ${persona.country}: --country cannot change that`,
    );
  }
  const ttlSeconds = Number(values.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 60 || ttlSeconds > 86_400) {
    throw new Error("--ttl must be between 60 and 86400 seconds");
  }
  const files = await ensureDevKey(path.join(config.stateDir, "keys"), "idp");
  const token = await mintToken(
    await loadSigningKey(files.privateJwk),
    { ...personaPrincipal(name, config.country), country },
    // The development issuer, which a gateway trusts only in demo mode.
    { issuer: DEMO_ISSUER, audience: DEFAULT_AUDIENCE, ttlSeconds },
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
