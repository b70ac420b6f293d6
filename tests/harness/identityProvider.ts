/**
 * A real OpenID provider (infra/identity-provider, oidc-provider) that a test starts beside the
 * hub: its own process on a free port with a temporary state folder, spoken to over HTTP only.
 * Its output is kept in tests/output/own for the log scan at teardown, like any process a test owns.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import {
  AGENCY_CLIENTS,
  OFFICER_ID_TOKEN_TYPE,
  readClientSecrets,
  readSigningKeys,
  TOKEN_EXCHANGE_GRANT,
  type AgencyClient,
} from "@hub/identity-provider";
import { freePort } from "@hub/local/dist/processes";
import { OUTPUT_DIR, OWN_LOGS } from "./hubEnv";

const entry = path.resolve(__dirname, "../../infra/identity-provider/dist/main.js");

export interface DpopKey {
  privateKey: CryptoKey;
  publicJwk: JWK;
  /** RFC 7638 thumbprint: the `cnf.jkt` of a token bound to this key. */
  thumbprint: string;
}

export async function dpopKey(): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  const publicJwk = await exportJWK(publicKey);
  return { privateKey, publicJwk, thumbprint: await calculateJwkThumbprint(publicJwk) };
}

/** A DPoP proof (RFC 9449 §4.2) for one request; `accessToken` adds its `ath`. */
export async function dpopProof(
  key: DpopKey,
  request: { method: string; url: string; accessToken?: string; jti?: string; iat?: number },
): Promise<string> {
  const ath = request.accessToken && createHash("sha256").update(request.accessToken).digest("base64url");
  return new SignJWT({ htm: request.method, htu: request.url, ...(ath ? { ath } : {}) })
    .setProtectedHeader({ alg: "ES256", typ: "dpop+jwt", jwk: key.publicJwk })
    .setJti(request.jti ?? randomUUID())
    .setIssuedAt(request.iat ?? Math.floor(Date.now() / 1000))
    .sign(key.privateKey);
}

export interface TokenResponse {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  scope?: string;
  issuedTokenType?: string;
}

/** A token request the provider refused: its status, OAuth error code and description (never a credential). */
export class TokenRequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(`token request refused: ${status} ${error} (${description})`);
  }
}

export interface TokenRequestOptions {
  client: string;
  /** Wrong on purpose, to be refused. */
  secret?: string;
  /** A DPoP key (a fresh proof is made) or a ready proof (to replay one). */
  dpop?: DpopKey | string;
}

export interface IdentityProvider {
  issuer: string;
  port: number;
  stateDir: string;
  discoveryUrl: string;
  jwksUri: string;
  tokenEndpoint: string;
  clients: readonly AgencyClient[];
  output: () => string;
  stop: () => Promise<void>;
  /** Starts it again on the same port with the same state (keys, secrets). */
  restart: () => Promise<void>;
  /** A new signing key, served by the running provider once this resolves; returns its kid. */
  rotate: () => Promise<string>;
  /** Only the newest key stays, served once this resolves; returns the retired kids. */
  retire: () => Promise<string[]>;
  publishedKeyIds: () => Promise<string[]>;
  tokenRequest: (options: TokenRequestOptions, form: Record<string, string>) => Promise<Response>;
  clientCredentialsToken: (options: TokenRequestOptions & { scopes?: string[] }) => Promise<TokenResponse>;
  exchangeToken: (options: TokenRequestOptions & { officer: string; scopes?: string[] }) => Promise<TokenResponse>;
  /** Stops it and removes its state folder. */
  close: () => Promise<void>;
}

export interface StartOptions {
  port?: number;
  /** Other IDP_* settings (IDP_TOKEN_TTL_SECONDS, IDP_PURPOSES_CLAIM, ...). */
  env?: Record<string, string>;
}

function runCommand(args: string[], stateDir: string): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [entry, ...args],
      { env: { PATH: process.env.PATH, IDP_STATE_DIR: stateDir } },
      (error) => (error ? reject(error) : resolve()),
    ),
  );
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  // A bound on a hung provider, not a measure of speed: the condition is what the test waits for.
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (await condition().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the identity provider never ${what}`);
}

export async function startIdentityProvider(options: StartOptions = {}): Promise<IdentityProvider> {
  const port = options.port ?? (await freePort());
  const stateDir = mkdtempSync(path.join(tmpdir(), "hub-idp-"));
  const issuer = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let chunks: string[] = [];
  let exited: Promise<void> = Promise.resolve();

  const launch = async () => {
    chunks = [];
    const env = { PATH: process.env.PATH, PORT: String(port), IDP_STATE_DIR: stateDir, ...options.env };
    const started = spawn(process.execPath, [entry], { env, stdio: ["ignore", "pipe", "pipe"] });
    child = started;
    const own = chunks;
    started.stdout?.on("data", (c: Buffer) => own.push(c.toString()));
    started.stderr?.on("data", (c: Buffer) => own.push(c.toString()));
    exited = new Promise((resolve) =>
      started.once("exit", () => {
        const logFile = path.join(OUTPUT_DIR, OWN_LOGS, `identity-provider-${port}-${started.pid ?? 0}.log`);
        mkdirSync(path.dirname(logFile), { recursive: true });
        writeFileSync(logFile, own.join(""));
        resolve();
      }),
    );
    await until(async () => {
      if (started.exitCode !== null) throw new Error(`the identity provider exited at start: ${own.join("")}`);
      return (await fetch(`${issuer}/healthz`)).ok;
    }, "answered its health check");
  };
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const publishedKeyIds = async () => {
    const res = await fetch(`${issuer}/jwks`);
    return ((await res.json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
  };
  const served = (kids: string[]) =>
    until(async () => (await publishedKeyIds()).join() === kids.join(), `served the keys ${kids.join(", ")}`);

  const tokenEndpoint = `${issuer}/token`;
  const tokenRequest = async (request: TokenRequestOptions, form: Record<string, string>) => {
    const secret = request.secret ?? readClientSecrets(stateDir)[request.client] ?? "";
    // RFC 6749 §2.3.1: id and secret are form-encoded before the Basic encoding.
    const basic = Buffer.from(`${encodeURIComponent(request.client)}:${encodeURIComponent(secret)}`).toString("base64");
    const headers: Record<string, string> = {
      authorization: `Basic ${basic}`,
      "content-type": "application/x-www-form-urlencoded",
    };
    if (request.dpop !== undefined) {
      headers.dpop =
        typeof request.dpop === "string"
          ? request.dpop
          : await dpopProof(request.dpop, { method: "POST", url: tokenEndpoint });
    }
    return fetch(tokenEndpoint, { method: "POST", headers, body: new URLSearchParams(form) });
  };
  const token = async (request: TokenRequestOptions, form: Record<string, string>): Promise<TokenResponse> => {
    const res = await tokenRequest(request, form);
    const body = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new TokenRequestRefused(res.status, String(body.error), String(body.error_description));
    return {
      accessToken: String(body.access_token),
      tokenType: String(body.token_type),
      expiresIn: Number(body.expires_in),
      ...(typeof body.scope === "string" ? { scope: body.scope } : {}),
      ...(typeof body.issued_token_type === "string" ? { issuedTokenType: body.issued_token_type } : {}),
    };
  };
  const scope = (scopes: string[] | undefined): Record<string, string> =>
    scopes && scopes.length > 0 ? { scope: scopes.join(" ") } : {};

  await launch();
  return {
    issuer,
    port,
    stateDir,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    jwksUri: `${issuer}/jwks`,
    tokenEndpoint,
    clients: AGENCY_CLIENTS,
    output: () => chunks.join(""),
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
    rotate: async () => {
      await runCommand(["rotate"], stateDir);
      const kids = readSigningKeys(stateDir).map((k) => k.kid);
      await served(kids);
      return kids[0] ?? "";
    },
    retire: async () => {
      const before = await publishedKeyIds();
      await runCommand(["retire"], stateDir);
      const kids = readSigningKeys(stateDir).map((k) => k.kid);
      await served(kids);
      return before.filter((kid) => !kids.includes(kid));
    },
    publishedKeyIds,
    tokenRequest,
    clientCredentialsToken: (request) => token(request, { grant_type: "client_credentials", ...scope(request.scopes) }),
    exchangeToken: (request) =>
      token(request, {
        grant_type: TOKEN_EXCHANGE_GRANT,
        subject_token: request.officer,
        subject_token_type: OFFICER_ID_TOKEN_TYPE,
        ...scope(request.scopes),
      }),
    close: async () => {
      await stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
