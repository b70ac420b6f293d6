/**
 * The DPoP rules of RFC 9449 §7 for a request whose access token has verified: a token bound to a key
 * (`cnf.jkt`) is accepted only with the DPoP scheme and a valid, unreplayed proof of that key, and is never
 * downgraded to a bearer token; or, in `refuse` mode, sender-constrained tokens are refused outright.
 */
import type { JWTPayload } from "jose";
import { DpopRejected } from "./DpopRejected";
import type { DpopReplayStore } from "./DpopReplayStore";
import type { DpopSettings } from "./DpopSettings";
import { verifyProof } from "./verifyProof";

export interface DpopRequest {
  /** The Authorization scheme used. */
  scheme: "bearer" | "dpop";
  /** The access token as sent. */
  accessToken: string;
  /** The verified access token's claims. */
  payload: JWTPayload;
  /** Every `DPoP` header value received (`req.headersDistinct.dpop`: Node joins repeated headers with commas). */
  proofs: string[];
  /** The request's HTTP method. */
  method: string;
  /** The request URL as the client addressed it; a query or fragment is ignored. */
  url: string;
}

type Binding = { kind: "none" } | { kind: "jkt"; jkt: string } | { kind: "unsupported" };

/** A SHA-256 JWK thumbprint in base64url: 43 characters. */
const THUMBPRINT = /^[A-Za-z0-9_-]{43}$/;

/**
 * What the token's `cnf` claim (RFC 7800) binds it to. Any confirmation other than a lone `jkt` (a
 * certificate's `x5t#S256`, an embedded `jwk`, ...) is one this hub cannot check, so it is never ignored.
 */
function binding(payload: JWTPayload): Binding {
  const cnf: unknown = payload.cnf;
  if (cnf === undefined) return { kind: "none" };
  if (typeof cnf !== "object" || cnf === null || Array.isArray(cnf)) return { kind: "unsupported" };
  const members = Object.keys(cnf);
  const jkt: unknown = (cnf as Record<string, unknown>).jkt;
  if (members.length !== 1 || typeof jkt !== "string" || !THUMBPRINT.test(jkt)) return { kind: "unsupported" };
  return { kind: "jkt", jkt };
}

function refuseSenderConstraint(request: DpopRequest, bound: Binding): null {
  if (request.scheme === "dpop" || bound.kind !== "none") {
    throw new DpopRejected(
      "sender-constraint-refused",
      "This hub does not accept sender-constrained (DPoP) tokens; ask the identity provider for a bearer token.",
    );
  }
  return null;
}

/** Returns the proof key thumbprint when the token is sender-constrained and the proof holds; null for a plain bearer token. */
export async function checkDpop(
  request: DpopRequest,
  settings: DpopSettings,
  replay: DpopReplayStore,
  now: () => number = Date.now,
): Promise<{ jkt: string } | null> {
  const bound = binding(request.payload);
  if (settings.mode === "refuse") return refuseSenderConstraint(request, bound);
  switch (bound.kind) {
    case "unsupported":
      throw new DpopRejected(
        "unsupported-confirmation",
        'The token is bound to a key or certificate in a way this hub cannot verify (its "cnf" claim).',
      );
    case "none":
      if (request.scheme === "dpop") {
        throw new DpopRejected(
          "unbound-token-as-dpop",
          "The DPoP scheme was used with a token that is not DPoP-bound; send it as a Bearer token.",
        );
      }
      // A plain bearer token: a DPoP header sent along with it proves nothing the token depends on.
      return null;
    case "jkt":
      break;
  }
  if (request.scheme !== "dpop") {
    throw new DpopRejected(
      "bound-token-as-bearer",
      "A DPoP-bound token must be sent with the DPoP scheme and a proof (Authorization: DPoP <token>).",
    );
  }
  const [proof, ...more] = request.proofs;
  if (proof === undefined) throw new DpopRejected("proof-missing", "A DPoP proof is required (the DPoP header).");
  // Node joins repeated headers with ", "; a proof (base64url and dots) never holds a comma.
  if (more.length > 0 || proof.includes(",")) {
    throw new DpopRejected("proof-multiple", "Exactly one DPoP header is allowed.");
  }
  const at = now();
  const verified = await verifyProof(proof, request, settings, at);
  if (verified.jkt !== bound.jkt) {
    throw new DpopRejected(
      "proof-key-mismatch",
      "The DPoP proof is signed with another key than the token is bound to.",
    );
  }
  await useOnce(verified, settings, replay, at);
  return { jkt: verified.jkt };
}

/**
 * Remembers the proof's `jti` (per key, so clients cannot collide) until the proof would no longer be
 * accepted anyway: its `iat` plus the window and the tolerance (RFC 9449 §11.1).
 */
async function useOnce(
  proof: { jkt: string; jti: string; iat: number },
  settings: DpopSettings,
  replay: DpopReplayStore,
  at: number,
): Promise<void> {
  const acceptedUntil = proof.iat + settings.proofMaxAgeSeconds + settings.clockToleranceSeconds;
  const ttlSeconds = Math.max(1, Math.ceil(acceptedUntil - at / 1000));
  let first: boolean;
  try {
    first = await replay.firstUse(`${proof.jkt}:${proof.jti}`, ttlSeconds);
  } catch (error) {
    throw new DpopRejected(
      "replay-store-unavailable",
      "DPoP proofs cannot be checked for replay right now; try again later.",
      { cause: error },
    );
  }
  if (!first) throw new DpopRejected("proof-replayed", "This DPoP proof has been used before; make a new one.");
}
