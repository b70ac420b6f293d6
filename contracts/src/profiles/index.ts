export * from "./statisticalCodes";
export * from "./sourceIndicators";
export {
  DEFAULT_PROFILES_DIR,
  loadProfileDefinitions,
  ProfileDefinitionError,
  type BreakdownCode,
  type IndicatorDefinition,
  type ProfileDefinitions,
  type ProfileTemplate,
} from "./loadProfiles";
