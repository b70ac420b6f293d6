/** Verifies one DPoP proof JWT (RFC 9449 §4.2, §4.3) against the request it came with and its access token. */
import { createHash, timingSafeEqual } from "node:crypto";
import {
  calculateJwkThumbprint,
  decodeProtectedHeader,
  EmbeddedJWK,
  errors,
  jwtVerify,
  type JWK,
  type JWTPayload,
  type ProtectedHeaderParameters,
} from "jose";
import { DpopRejected } from "./DpopRejected";
import { DPOP_ALGORITHMS, MAX_PROOF_CHARS, type DpopSettings } from "./DpopSettings";
import { sameTargetUri } from "./sameTargetUri";

export interface ProofContext {
  method: string;
  url: string;
  accessToken: string;
}

export interface VerifiedProof {
  /** RFC 7638 SHA-256 thumbprint of the proof's key. */
  jkt: string;
  jti: string;
  iat: number;
}

const MAX_JTI_CHARS = 256;
const MAX_HTU_CHARS = 2048;
const JWS_COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
/** Members that only a private or secret key has (RFC 7518 §6, RFC 8037 §2, ML-DSA's `priv`). */
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k", "priv"];
const KEY_TYPES = new Set(["EC", "OKP", "RSA"]);

const reject = (reason: ConstructorParameters<typeof DpopRejected>[0], message: string, cause?: unknown) =>
  new DpopRejected(reason, message, cause === undefined ? undefined : { cause });

const claimFault = (claim: string, cause?: unknown) =>
  reject("proof-claims", `The DPoP proof's "${claim}" claim is missing or invalid.`, cause);

function header(proof: string): ProtectedHeaderParameters {
  if (proof.length > MAX_PROOF_CHARS) {
    throw reject("proof-too-large", `The DPoP proof is longer than ${MAX_PROOF_CHARS} characters.`);
  }
  if (!JWS_COMPACT.test(proof)) throw reject("proof-malformed", "The DPoP proof is not a signed JWT.");
  try {
    return decodeProtectedHeader(proof);
  } catch (error) {
    throw reject("proof-malformed", "The DPoP proof's header cannot be read.", error);
  }
}

function checkHeader(head: ProtectedHeaderParameters, settings: DpopSettings): string[] {
  if (typeof head.typ !== "string" || head.typ.toLowerCase() !== "dpop+jwt") {
    throw reject("proof-typ", 'The DPoP proof\'s "typ" header must be "dpop+jwt".');
  }
  const allowed = settings.algorithms.filter((alg) => DPOP_ALGORITHMS.includes(alg));
  if (typeof head.alg !== "string" || !allowed.includes(head.alg)) {
    throw reject("proof-alg", `The DPoP proof must be signed with one of: ${allowed.join(", ")}.`);
  }
  const jwk: unknown = head.jwk;
  if (typeof jwk !== "object" || jwk === null || Array.isArray(jwk)) {
    throw reject("proof-jwk", 'The DPoP proof\'s "jwk" header must be a public key.');
  }
  if (PRIVATE_MEMBERS.some((member) => Object.hasOwn(jwk, member))) {
    throw reject("proof-jwk", 'The DPoP proof\'s "jwk" header holds a private key; send only the public key.');
  }
  if (!KEY_TYPES.has(String((jwk as JWK).kty))) {
    throw reject("proof-jwk", 'The DPoP proof\'s "jwk" header must be an EC, OKP or RSA public key.');
  }
  return allowed;
}

async function signedClaims(proof: string, allowed: string[], settings: DpopSettings, at: number) {
  try {
    const { payload } = await jwtVerify(proof, EmbeddedJWK, {
      algorithms: allowed,
      typ: "dpop+jwt",
      currentDate: new Date(at),
      clockTolerance: settings.clockToleranceSeconds,
    });
    return payload;
  } catch (error) {
    const code = error instanceof errors.JOSEError ? error.code : "";
    switch (code) {
      case errors.JWSSignatureVerificationFailed.code:
        throw reject("proof-signature", "The DPoP proof's signature does not verify with its key.", error);
      case errors.JWTExpired.code:
        throw reject("proof-claims", "The DPoP proof has expired.", error);
      case errors.JWTClaimValidationFailed.code:
        throw claimFault((error as errors.JWTClaimValidationFailed).claim, error);
      case errors.JWSInvalid.code:
      case errors.JOSENotSupported.code:
      case "":
        // jose reports an unusable embedded key as an invalid JWS, an unsupported one, or a TypeError.
        throw reject("proof-jwk", 'The DPoP proof\'s "jwk" header is not a usable key for its "alg".', error);
      default:
        throw reject("proof-malformed", "The DPoP proof is malformed.", error);
    }
  }
}

function readClaims(payload: JWTPayload) {
  const { jti, htm, htu, iat, ath } = payload as Record<string, unknown>;
  if (typeof jti !== "string" || jti.length === 0 || jti.length > MAX_JTI_CHARS) throw claimFault("jti");
  if (typeof htm !== "string" || htm.length === 0) throw claimFault("htm");
  if (typeof htu !== "string" || htu.length === 0 || htu.length > MAX_HTU_CHARS) throw claimFault("htu");
  if (typeof iat !== "number" || !Number.isFinite(iat)) throw claimFault("iat");
  if (typeof ath !== "string" || ath.length === 0) throw claimFault("ath");
  return { jti, htm, htu, iat, ath };
}

/** base64url(SHA-256(token)), the `ath` of RFC 9449 §4.2. */
export const accessTokenHash = (token: string) => createHash("sha256").update(token, "ascii").digest("base64url");

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The proof's key thumbprint, `jti` and `iat` when the proof holds for this request and access token. No
 * `nonce` is asked for: this hub issues no DPoP nonces (RFC 9449 §9 makes them optional), and replay is
 * bounded by `iat` and the `jti` store instead.
 */
export async function verifyProof(
  proof: string,
  context: ProofContext,
  settings: DpopSettings,
  at: number,
): Promise<VerifiedProof> {
  const head = header(proof);
  const allowed = checkHeader(head, settings);
  const claims = readClaims(await signedClaims(proof, allowed, settings, at));
  if (claims.htm !== context.method) {
    throw reject("proof-htm", `The DPoP proof was made for another HTTP method than ${context.method}.`);
  }
  if (!sameTargetUri(claims.htu, context.url)) {
    throw reject("proof-htu", "The DPoP proof was made for another URL than this request's.");
  }
  const nowSeconds = at / 1000;
  if (nowSeconds - claims.iat > settings.proofMaxAgeSeconds + settings.clockToleranceSeconds) {
    throw reject("proof-iat-stale", `The DPoP proof is older than ${settings.proofMaxAgeSeconds} seconds.`);
  }
  if (claims.iat - nowSeconds > settings.clockToleranceSeconds) {
    throw reject("proof-iat-future", "The DPoP proof's issue time is in the future.");
  }
  if (!sameText(claims.ath, accessTokenHash(context.accessToken))) {
    throw reject("proof-ath", 'The DPoP proof\'s "ath" is not the hash of the access token sent with it.');
  }
  const jkt = await calculateJwkThumbprint(head.jwk as JWK, "sha256");
  return { jkt, jti: claims.jti, iat: claims.iat };
}
