export { auditSubgraph, createAuditSubgraph, entities, migrations } from "./subgraph";
export { verifyAuditChain } from "./verifyAuditChain";
export type { ChainBreakReport, ChainVerificationResult, VerifyOptions } from "./verifyAuditChain";
export { searchColumnsOf } from "./searchColumns";
