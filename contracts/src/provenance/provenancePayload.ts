/**
 * What an agency's subgraph signs for each answer, and how the gateway hands the signatures on:
 * the canonical text of its response part (data), the request id and the operation hash, signed
 * with a detached JWS (EdDSA). Browser-safe (no Node built-ins): the explorer verifies with it.
 */

/** Extension of a subgraph's response carrying its signature (taken off by the gateway). */
export const PROVENANCE_EXTENSION = "hubProvenance";
/** Extension of the client's answer listing each subgraph fetch's signed part. */
export const ANSWER_PROVENANCE_EXTENSION = "provenance";
/** `typ` of a provenance JWS: no other JWS an agency's key might sign passes for one. */
export const PROVENANCE_TYPE = "hub-provenance+jws";
/** Where each subgraph publishes the public keys of its provenance signatures. */
export const PROVENANCE_KEYS_PATH = "/.well-known/jwks.json";
/** Where the gateway republishes every agency's keys, for the explorer. */
export const GATEWAY_PROVENANCE_KEYS_PATH = "/provenance/keys";

/** What one signature covers. */
export interface SignedContent {
  /** The subgraph that answered, as named in the supergraph. */
  subgraph: string;
  requestId: string;
  /** The hub-context `op` of the fetch: the hash of the subgraph operation it answered. */
  op: string;
  /** The response's `data`, exactly as the subgraph sent it. */
  data: unknown;
}

/** A subgraph's signature, in its response's extensions. */
export interface SubgraphSignature {
  requestId: string;
  op: string;
  /** base64url SHA-256 of the signed canonical text. */
  payloadHash: string;
  /** Detached compact JWS: `header..signature`. */
  jws: string;
}

/** One subgraph fetch, as the client's answer lists it. */
export interface ProvenancePart extends SubgraphSignature {
  subgraph: string;
  agency: string;
  /** Where in the answer the fetch's data was merged (Apollo's fetch path; `@` is every list element). */
  path: (string | number)[];
  /**
   * The signed data. Absent when the gateway did not pass it: it holds values (join keys the
   * caller did not select) that the answer does not show; `withheld` says so.
   */
  data?: unknown;
  withheld?: string;
}

export interface AnswerProvenance {
  requestId: string;
  parts: ProvenancePart[];
}

/**
 * JSON with object keys sorted at every level (as contracts' canonicalJson), reading a value's
 * `toJSON` first: a Date a resolver returns is signed as the ISO text the response carries.
 */
export function canonicalData(value: unknown): string {
  const plain =
    value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function"
      ? (value as { toJSON: () => unknown }).toJSON()
      : value;
  if (plain === null || typeof plain !== "object") return JSON.stringify(plain ?? null);
  if (Array.isArray(plain)) return `[${plain.map(canonicalData).join(",")}]`;
  const entries = Object.entries(plain as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalData(v)}`).join(",")}}`;
}

/** The text a subgraph signs; a version tag so that a later form is never mistaken for this one. */
export function provenancePayload(content: SignedContent): string {
  return canonicalData({
    v: 1,
    subgraph: content.subgraph,
    requestId: content.requestId,
    op: content.op,
    data: content.data ?? null,
  });
}

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** base64url SHA-256 of the payload text (WebCrypto: the same in Node and in the browser). */
export async function payloadHash(payload: string): Promise<string> {
  return base64url(new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", encoder.encode(payload))));
}

/** The compact JWS a detached one stands for, with the payload put back. */
export function attachPayload(detached: string, payload: string): string | null {
  const parts = detached.split(".");
  if (parts.length !== 3 || parts[1] !== "" || !parts[0] || !parts[2]) return null;
  return `${parts[0]}.${base64url(encoder.encode(payload))}.${parts[2]}`;
}
