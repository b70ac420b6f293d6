export { ensureProvenanceKey, loadProvenanceKey, provenanceKeyFiles } from "./provenanceKey";
export type { ProvenanceKey, ProvenanceKeyFiles } from "./provenanceKey";
export { createProvenanceSigner } from "./signProvenance";
export type { ProvenanceSigner } from "./signProvenance";
export { provenancePlugin } from "./provenancePlugin";
