export { loadProvenanceKey } from "./provenanceKey";
export type { ProvenanceKey } from "./provenanceKey";
export { createProvenanceSigner } from "./signProvenance";
export type { ProvenanceSigner } from "./signProvenance";
export { provenancePlugin } from "./provenancePlugin";
