/**
 * `npm run idp [-- command]`: serve the local identity provider (the default), or act on its state
 * folder: `rotate` (a new signing key, the old ones still published), `retire` (all but the
 * newest removed), `secret <client id>` (print that client's secret). A running provider picks up
 * rotate and retire from the key file.
 */
import pino from "pino";
import { shutdownOnSignals } from "@hub/contracts";
import { CLIENT_IDS } from "./agencyClients";
import { ensureClientSecrets } from "./clientSecrets";
import { loadConfig } from "./config";
import { retireSigningKeys, rotateSigningKeys } from "./signingKeys";

const USAGE = `usage: npm run idp [-- serve | rotate | retire | secret <client id>]
clients: ${CLIENT_IDS.join(", ")}
`;

async function main(argv: string[]): Promise<void> {
  const [command = "serve", ...args] = argv;
  const config = loadConfig();
  const out = (line: string) => process.stdout.write(`${line}\n`);
  switch (command) {
    case "serve": {
      const log = pino({ name: "identity-provider", level: config.logLevel });
      // Loaded only to serve: the key and secret commands need not load oidc-provider.
      const { serveIdentityProvider } = await import("./serveIdentityProvider.js");
      const running = await serveIdentityProvider(config, log);
      shutdownOnSignals(running.close, 5000, log);
      return;
    }
    case "rotate": {
      const { kid, keyIds } = await rotateSigningKeys(config.stateDir);
      out(`new signing key ${kid}; published: ${keyIds.join(", ")}`);
      return;
    }
    case "retire": {
      const { retired, keyIds } = retireSigningKeys(config.stateDir);
      out(`retired: ${retired.join(", ") || "none"}; published: ${keyIds.join(", ")}`);
      return;
    }
    case "secret": {
      const [clientId = ""] = args;
      if (!CLIENT_IDS.includes(clientId)) throw new Error(`unknown client "${clientId}"\n${USAGE}`);
      out(ensureClientSecrets(config.stateDir, CLIENT_IDS)[clientId] ?? "");
      return;
    }
    default:
      throw new Error(`unknown command "${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
