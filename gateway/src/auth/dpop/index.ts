/** DPoP (RFC 9449): what verifyToken calls once an access token has verified, and what it answers with. */
export { checkDpop, type DpopRequest } from "./checkDpop";
export { dpopChallenge } from "./dpopChallenge";
export { DpopRejected, type DpopErrorCode, type DpopRejectionReason } from "./DpopRejected";
export type { DpopReplayStore } from "./DpopReplayStore";
export { DEFAULT_DPOP, DPOP_ALGORITHMS, MAX_PROOF_CHARS, type DpopMode, type DpopSettings } from "./DpopSettings";
export { memoryReplayStore } from "./memoryReplayStore";
export { redisReplayStore } from "./redisReplayStore";
export { accessTokenHash } from "./verifyProof";
