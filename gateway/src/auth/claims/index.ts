/** Claim mapping: how a verified token's claims become the hub's caller, by preset and configuration. */
export type { ClaimForm, ClaimMapping, ClaimPath, ClaimRule, MappedCaller, ScopeRule } from "./ClaimMapping";
export { ClaimsUnfit, type ClaimsUnfitReason } from "./ClaimsUnfit";
export { mapClaims } from "./mapClaims";
export { CLAIM_PRESET_NAMES, claimPreset, type ClaimPresetName, type ClaimPresetOptions } from "./claimPreset";
export { claimMappingConfigSchema, claimMappingFromConfig, type ClaimMappingConfig } from "./claimMappingConfig";
export { MAX_LIST_VALUES } from "./readRule";
