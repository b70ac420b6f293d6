/**
 * Shared fixtures of the end-to-end tests: principals and their tokens (good and bad), requests
 * to the gateway and to subgraphs, and the synthetic world the harness seeded.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { base64url, generateKeyPair, SignJWT } from "jose";
import {
  HUB_CONTEXT_ISSUER,
  HUB_CONTEXT_TTL_DEFAULT_SECONDS,
  HUB_CONTEXT_TYPE,
  hubContextOperationHash,
  type HubContextRequestClaims,
  type Principal,
  type SubgraphOperation,
} from "@hub/contracts";
import {
  DEFAULT_AUDIENCE,
  DEMO_ISSUER,
  keyFiles,
  loadSigningKey,
  mintToken,
  PERSONAS,
  type Persona,
  type PersonaName,
} from "@hub/gateway";
import { generateWorld, type SyntheticWorld } from "@hub/synthetic";
import { readHubEnv } from "./hubEnv";

export const hub = readHubEnv();

/** The development issuer's tokens are RFC 9068 access tokens; a bad token is bad for one reason only. */
const ACCESS_TOKEN_TYPE = "at+jwt";

export function principalOf(persona: PersonaName, overrides: Partial<Principal> = {}): Principal {
  const p = PERSONAS[persona];
  return {
    subject: p.subject,
    agency: p.agency,
    role: p.role,
    purposes: [...p.purposes],
    country: "AM",
    cases: [],
    ...overrides,
  };
}

const idpKey = () => loadSigningKey(keyFiles(hub.keysDir, "idp").privateJwk);
const standard = { issuer: DEMO_ISSUER, audience: DEFAULT_AUDIENCE, ttlSeconds: 600 };

export async function personaToken(persona: PersonaName, overrides: Partial<Principal> = {}): Promise<string> {
  return mintToken(await idpKey(), principalOf(persona, overrides), standard);
}

/** Tokens that must all be refused, each for one reason. */
export const badTokens = {
  expired: async () => {
    const key = await idpKey();
    const past = Math.floor(Date.now() / 1000) - 3600;
    return new SignJWT({ agency: "BORDER_POLICE", role: "border-officer", purposes: ["BORDER_CHECK"], country: "AM" })
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: ACCESS_TOKEN_TYPE })
      .setIssuer(DEMO_ISSUER)
      .setAudience(DEFAULT_AUDIENCE)
      .setSubject("officer-0147")
      .setIssuedAt(past - 600)
      .setExpirationTime(past)
      .sign(key.key);
  },
  wrongIssuer: async () =>
    mintToken(await idpKey(), principalOf("border-officer"), { ...standard, issuer: "https://idp.example.org" }),
  wrongAudience: async () =>
    mintToken(await idpKey(), principalOf("border-officer"), { ...standard, audience: "another-service" }),
  algNone: async () => {
    const header = base64url.encode(JSON.stringify({ alg: "none", typ: ACCESS_TOKEN_TYPE }));
    const now = Math.floor(Date.now() / 1000);
    const payload = base64url.encode(
      JSON.stringify({
        sub: "officer-0147",
        iss: DEMO_ISSUER,
        aud: DEFAULT_AUDIENCE,
        iat: now,
        exp: now + 600,
        agency: "BORDER_POLICE",
        role: "border-officer",
        purposes: ["BORDER_CHECK"],
        country: "AM",
        cases: [],
      }),
    );
    return `${header}.${payload}.`;
  },
  /** The classic key-confusion attack: HMAC keyed with the provider's public key. */
  hs256WithPublicKey: async () => {
    const publicJwks = readFileSync(keyFiles(hub.keysDir, "idp").publicJwks, "utf8");
    const kid = (JSON.parse(publicJwks) as { keys: { kid: string }[] }).keys[0]?.kid ?? "";
    return new SignJWT({
      agency: "BORDER_POLICE",
      role: "border-officer",
      purposes: ["BORDER_CHECK"],
      country: "AM",
      cases: [],
    })
      .setProtectedHeader({ alg: "HS256", kid, typ: ACCESS_TOKEN_TYPE })
      .setIssuer(DEMO_ISSUER)
      .setAudience(DEFAULT_AUDIENCE)
      .setSubject("officer-0147")
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode(publicJwks));
  },
  /** A good token but for its `typ` header, which the development issuer requires to be at+jwt. */
  untyped: async () => {
    const key = await idpKey();
    return new SignJWT({ agency: "BORDER_POLICE", role: "border-officer", purposes: ["BORDER_CHECK"], country: "AM" })
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
      .setIssuer(DEMO_ISSUER)
      .setAudience(DEFAULT_AUDIENCE)
      .setSubject("officer-0147")
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(key.key);
  },
  unknownKid: async () => {
    const { privateKey } = await generateKeyPair("ES256");
    return mintToken(
      { key: privateKey, kid: "not-a-known-key", alg: "ES256" },
      principalOf("border-officer"),
      standard,
    );
  },
};

export interface HubContextTokenOptions {
  /** The `typ` header; null leaves it out. */
  typ?: string | null;
  /** exp - iat; the gateway gives HUB_CONTEXT_TTL_SECONDS (60 s by default). */
  lifetimeSeconds?: number;
}

/**
 * A hub-context token as the gateway would sign it, for calling a subgraph directly: bound to the
 * operation (query and variables) it is to be sent with, as `gql` sends them.
 */
export async function hubContextToken(
  audience: string,
  claims: HubContextRequestClaims,
  operation: SubgraphOperation,
  options: HubContextTokenOptions = {},
): Promise<string> {
  const { typ = HUB_CONTEXT_TYPE, lifetimeSeconds = HUB_CONTEXT_TTL_DEFAULT_SECONDS } = options;
  const key = await loadSigningKey(keyFiles(hub.keysDir, "gateway").privateJwk);
  const issuedAt = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims, op: hubContextOperationHash(operation) })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, ...(typ ? { typ } : {}) })
    .setIssuer(HUB_CONTEXT_ISSUER)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds)
    .sign(key.key);
}

export interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Answer {
  status: number;
  body: GraphQLResponseBody;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  purpose?: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  url?: string;
}

export async function gql(query: string, options: RequestOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.purpose) headers["x-purpose"] = options.purpose;
  const res = await fetch(options.url ?? hub.gatewayUrl, {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResponseBody, headers: res.headers };
}

/** The persona's token and its first purpose, ready for `gql`. */
export async function as(persona: PersonaName, overrides: Partial<Principal> = {}): Promise<RequestOptions> {
  return { token: await personaToken(persona, overrides), purpose: PERSONAS[persona].purposes[0] };
}

/** SQL statements a subgraph has sent so far (from its /metrics). */
export async function sqlStatements(subgraph: string): Promise<number> {
  const url = hub.subgraphs[subgraph]?.metricsUrl;
  if (!url) throw new Error(`unknown subgraph ${subgraph}`);
  const text = await (await fetch(url)).text();
  const line = text.split("\n").find((l) => l.startsWith("hub_sql_statements_total"));
  return Number(line?.split(" ")[1] ?? Number.NaN);
}

let cachedWorld: SyntheticWorld | undefined;
/** The same deterministic world the harness seeded. */
export function world(): SyntheticWorld {
  cachedWorld ??= generateWorld({ persons: hub.persons });
  return cachedWorld;
}

export const repoRoot = path.resolve(__dirname, "../..");

// ---- Foreign recipients (R14-2) ----

/** A persona's principal as its identity provider describes it: a foreign persona is of its authority's country. */
export function recipientPrincipalOf(persona: PersonaName, overrides: Partial<Principal> = {}): Principal {
  const p: Persona = PERSONAS[persona];
  return principalOf(persona, { ...(p.country ? { country: p.country } : {}), ...overrides });
}

/** A token for any principal, signed by the demo identity provider (foreign authorities no persona describes). */
export async function principalToken(principal: Principal): Promise<string> {
  return mintToken(await idpKey(), principal, standard);
}

/** A persona's token and first purpose, the persona of its own country (a foreign one abroad). */
export async function asRecipient(persona: PersonaName, overrides: Partial<Principal> = {}): Promise<RequestOptions> {
  return {
    token: await principalToken(recipientPrincipalOf(persona, overrides)),
    purpose: PERSONAS[persona].purposes[0],
  };
}

/** Foreign identity tokens whose claims must be refused (UNAUTHENTICATED), each for one reason. */
export const badForeignTokens = {
  agencyAndAuthority: () => signedClaims({ agency: "BORDER_POLICE", authority: "TR-PMM", country: "TR" }),
  authorityOfAnotherCountry: () => signedClaims({ authority: "TR-PMM", country: "GE" }),
  authorityOfTheHubsCountry: () => signedClaims({ authority: "AM-POLICE", country: "AM" }),
  authorityAsAgency: () => signedClaims({ agency: "TR-PMM", country: "TR" }),
};

async function signedClaims(claims: Record<string, unknown>): Promise<string> {
  const key = await idpKey();
  return new SignJWT({ role: "readmission-officer", purposes: ["RETURN_ENFORCEMENT"], cases: [], ...claims })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: ACCESS_TOKEN_TYPE })
    .setIssuer(DEMO_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setSubject("tr-pmm-readmission-017")
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(key.key);
}
