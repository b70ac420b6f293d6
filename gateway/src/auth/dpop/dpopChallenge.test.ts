import { describe, expect, it } from "@jest/globals";
import { dpopChallenge } from "./dpopChallenge";
import { DpopRejected } from "./DpopRejected";
import { DEFAULT_DPOP, type DpopSettings } from "./DpopSettings";

const refuse: DpopSettings = { ...DEFAULT_DPOP, mode: "refuse" };

describe("dpopChallenge", () => {
  it("names the accepted algorithms and invalid_dpop_proof when the proof is at fault (RFC 9449 §7.1)", () => {
    const error = new DpopRejected("proof-htu", "The DPoP proof was made for another URL than this request's.");
    expect(dpopChallenge(DEFAULT_DPOP, error)).toBe(
      'DPoP algs="ES256 EdDSA Ed25519 RS256 PS256", error="invalid_dpop_proof", ' +
        'error_description="The DPoP proof was made for another URL than this request\'s."',
    );
  });

  it("names invalid_token when the token was sent the wrong way, with the realm when given", () => {
    const error = new DpopRejected("bound-token-as-bearer", "A DPoP-bound token must be sent with the DPoP scheme.");
    expect(dpopChallenge({ ...DEFAULT_DPOP, algorithms: ["ES256"] }, error, "migration-hub")).toBe(
      'DPoP realm="migration-hub", algs="ES256", error="invalid_token", ' +
        'error_description="A DPoP-bound token must be sent with the DPoP scheme."',
    );
  });

  it("never advertises an algorithm that cannot sign a proof", () => {
    const error = new DpopRejected("proof-alg", "Wrong algorithm.");
    expect(dpopChallenge({ ...DEFAULT_DPOP, algorithms: ["HS256", "none", "ES256"] }, error)).toContain('algs="ES256"');
  });

  it("in refuse mode answers with a Bearer challenge: the hub speaks only Bearer", () => {
    const error = new DpopRejected("sender-constraint-refused", "This hub does not accept DPoP tokens.");
    expect(dpopChallenge(refuse, error, "migration-hub")).toBe(
      'Bearer realm="migration-hub", error="invalid_token", error_description="This hub does not accept DPoP tokens."',
    );
  });

  it("names no error when the replay store could not answer (a 503, nothing wrong with the request)", () => {
    const error = new DpopRejected("replay-store-unavailable", "Try again later.");
    expect(error.unavailable).toBe(true);
    expect(dpopChallenge(DEFAULT_DPOP, error)).toBe('DPoP algs="ES256 EdDSA Ed25519 RS256 PS256"');
    expect(dpopChallenge(refuse, error)).toBe("Bearer");
  });

  it("keeps quotes, backslashes and control characters out of the quoted description", () => {
    const error = new DpopRejected("proof-claims", 'The "jti" claim\\ is\r\n bad');
    expect(dpopChallenge(DEFAULT_DPOP, error)).toMatch(/error_description="The 'jti' claim' is bad"$/);
  });
});
