export * from "./provenancePayload";
export * from "./placePart";
export * from "./publishedKeys";
export * from "./verifyProvenance";
export { loadKeySources, PROVENANCE_KEY_FILE } from "./loadKeySources";
export { agencyOfSubgraph, ensureProvenanceKey, provenanceKeyFiles } from "./provenanceKeyFiles";
export type { ProvenanceKeyFiles } from "./provenanceKeyFiles";
