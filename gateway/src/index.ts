export { loadConfig, DEMO_ISSUER, DEFAULT_AUDIENCE } from "./config";
export type { GatewayConfig } from "./config";
export { startHubServer } from "./createHubServer";
export type { HubServer } from "./createHubServer";
export { ensureDevKey, keyFiles, loadSigningKey } from "./auth/devKeys";
export type { SigningKey, KeyFiles } from "./auth/devKeys";
export { mintToken } from "./auth/mintToken";
export { PERSONAS, PERSONA_NAMES, isPersonaName } from "./auth/personas";
export type { Persona, PersonaName } from "./auth/personas";
