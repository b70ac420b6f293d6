export { PolicyDecisionPoint, PolicyEngineError, policyVersionOf } from "./PolicyDecisionPoint";
export type { DecisionPointOptions } from "./PolicyDecisionPoint";
export type { Decision, DecisionRequest, RecordFacts } from "./PolicyDecisionPoint";
export { loadPolicySet, defaultPolicyPaths, PolicyLoadError } from "./policySet";
export type { LoadedPolicySet, PolicyInfo, PolicyPaths } from "./policySet";
export { loadAgreements, AgreementError, consumerId } from "./agreements";
export type { Agreement, ForeignConsumer } from "./agreements";
export { loadRegimes, regimeOf, RegimeError, REGIMES } from "./regimes";
export type { Regime, RegimeEntry, Regimes } from "./regimes";
export { NON_PERSONAL } from "./entities";
export type { DecidedCategory } from "./entities";
export {
  parsePolicySnapshot,
  policySnapshot,
  policySnapshotText,
  PolicySnapshotError,
  POLICY_SNAPSHOT_FORMAT,
} from "./snapshot/PolicySnapshot";
export type { PolicySnapshot } from "./snapshot/PolicySnapshot";
export { snapshotVersion } from "./snapshot/snapshotVersion";
export { redecide } from "./replay/redecide";
export type {
  DecisionFacts,
  FieldReplay,
  RefusalReplay,
  ReplayReport,
  ReplayStatus,
  ReplayVerdict,
} from "./replay/ReplayReport";
