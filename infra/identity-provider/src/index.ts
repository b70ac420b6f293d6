/**
 * The local identity provider's public API: its clients and the files of its state folder, for
 * the test harness and tools. The provider itself runs as its own process (dist/main.js).
 */
export {
  AGENCY_CLIENTS,
  CLIENT_IDS,
  PURPOSE_SCOPE_PREFIX,
  PURPOSE_SCOPES,
  agencyClient,
  hubClaims,
  purposeScope,
  type AgencyClient,
} from "./agencyClients";
export { CLIENT_SECRETS_FILE, clientSecretsPath, readClientSecrets } from "./clientSecrets";
export { DEFAULT_PORT, loadConfig, type IdentityProviderConfig } from "./config";
export {
  SIGNING_ALGORITHM,
  SIGNING_KEYS_FILE,
  readSigningKeys,
  retireSigningKeys,
  rotateSigningKeys,
  signingKeysPath,
} from "./signingKeys";
export { ACCESS_TOKEN_TYPE, OFFICER_ID_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from "./tokenTypes";
