/**
 * Suggestions for the filters, from the hub's vocabularies (contracts/src/vocabulary.ts) and the
 * policy ids in policies/rules/. Only suggestions: a filter accepts any value, so a word added to
 * the hub later is still searchable before this list learns it.
 */
// The closed vocabularies come from the contracts themselves (a plain module, bundled by Vite).
export { AGENCIES, PURPOSES } from "../../../../contracts/src/vocabulary";
// What each authentication reason means, in the words of docs/audit.md.
export { AUTHENTICATION_REASONS } from "../../../../contracts/src/audit/authenticationReasons";

export const RULE_IDS = [
  "R5-1",
  "R5-3",
  "R5-4",
  "R5-6",
  "R6-1",
  "R6-1-caseworker",
  "R6-1-minors",
  "R6-3",
  "R7-3",
  "R10-1",
  "R11-1",
  "R14-1",
  "R14-2",
  "R14-3",
  "RA-1",
  "RA-1-audit-log",
];

export const HUB_NAME = "Migration Data Exchange Hub";
