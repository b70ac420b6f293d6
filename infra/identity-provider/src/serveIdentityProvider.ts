/**
 * Serves the provider over HTTP and follows its key file: when `rotate` or `retire` rewrites the
 * file, a new provider with the new keys takes the next request (no restart, same port, same
 * clients). A file that does not parse is reported and the current keys are kept.
 */
import { unwatchFile, watchFile } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { CLIENT_IDS } from "./agencyClients";
import { clientSecretsPath, ensureClientSecrets } from "./clientSecrets";
import type { IdentityProviderConfig } from "./config";
import { createIdentityProvider } from "./createIdentityProvider";
import { ensureSigningKeys, readSigningKeys, signingKeysPath, type PrivateSigningKey } from "./signingKeys";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface RunningIdentityProvider {
  issuer: string;
  port: number;
  /** Key ids the provider publishes now, the signing one first. */
  keyIds: () => string[];
  close: () => Promise<void>;
}

/** How often the key file is looked at: a rotation is served within this, without a restart. */
const KEY_FILE_POLL_MS = 200;

export async function serveIdentityProvider(
  config: IdentityProviderConfig,
  log: Logger,
): Promise<RunningIdentityProvider> {
  const secrets = ensureClientSecrets(config.stateDir, CLIENT_IDS);
  let keys = await ensureSigningKeys(config.stateDir);

  const build = (signing: PrivateSigningKey[]): Handler => {
    const provider = createIdentityProvider({ config, keys: signing, secrets });
    // What a refused token request was refused for: the error code and description, never a credential.
    provider.on("grant.error", (ctx, err) =>
      log.warn(
        {
          client: ctx.oidc?.client?.clientId,
          error: err.error,
          description: err.error_description,
          detail: err.error_detail,
        },
        "token request refused",
      ),
    );
    provider.on("server_error", (_ctx, err) => log.error({ err: { name: err.name, message: err.message } }, "error"));
    return provider.callback();
  };
  let handler = build(keys);

  const keyFile = signingKeysPath(config.stateDir);
  const reload = () => {
    let next: PrivateSigningKey[];
    try {
      next = readSigningKeys(config.stateDir);
    } catch (error) {
      log.error({ error: (error as Error).message }, "the signing keys file is unusable: keeping the current keys");
      return;
    }
    if (next.map((k) => k.kid).join() === keys.map((k) => k.kid).join()) return;
    handler = build(next);
    keys = next;
    log.info({ keyIds: keys.map((k) => k.kid) }, "signing keys reloaded");
  };
  watchFile(keyFile, { interval: KEY_FILE_POLL_MS, persistent: false }, reload);

  const server = http.createServer((req, res) => {
    if (req.method === "GET" && req.url === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  log.info(
    {
      issuer: config.issuer,
      discovery: `${config.issuer}/.well-known/openid-configuration`,
      port,
      keyIds: keys.map((k) => k.kid),
      clients: CLIENT_IDS,
      secretsFile: clientSecretsPath(config.stateDir),
    },
    "identity provider ready; print a client's secret with: npm run idp -- secret <client id>",
  );
  return {
    issuer: config.issuer,
    port,
    keyIds: () => keys.map((k) => k.kid),
    close: () =>
      new Promise((resolve) => {
        unwatchFile(keyFile, reload);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
