/** The WWW-Authenticate challenge of a request refused under the DPoP rules (RFC 9449 §7.1, RFC 6750 §3). */
import type { DpopRejected } from "./DpopRejected";
import { DPOP_ALGORITHMS, type DpopSettings } from "./DpopSettings";

/** An auth-param's quoted-string content: no quote, backslash or non-printable character can break out. */
const quoted = (text: string) => text.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, "");

const challenge = (scheme: string, params: string[]) => (params.length > 0 ? `${scheme} ${params.join(", ")}` : scheme);

/**
 * In `verify` mode a DPoP challenge naming the accepted algorithms (`algs`) and the error:
 * `invalid_dpop_proof` when the proof is at fault, `invalid_token` when the token was used the wrong way.
 * In `refuse` mode the hub speaks only Bearer, so the challenge is a Bearer one. A replay store that could
 * not answer is a 503, not a 401: the challenge then names no error, only how to authenticate.
 */
export function dpopChallenge(settings: DpopSettings, error: DpopRejected, realm?: string): string {
  const params = realm === undefined ? [] : [`realm="${quoted(realm)}"`];
  const description = `error_description="${quoted(error.message)}"`;
  switch (settings.mode) {
    case "refuse":
      return challenge("Bearer", [...params, ...(error.unavailable ? [] : ['error="invalid_token"', description])]);
    case "verify": {
      const algs = `algs="${settings.algorithms.filter((alg) => DPOP_ALGORITHMS.includes(alg)).join(" ")}"`;
      return challenge("DPoP", [
        ...params,
        algs,
        ...(error.unavailable ? [] : [`error="${error.error}"`, description]),
      ]);
    }
  }
}
