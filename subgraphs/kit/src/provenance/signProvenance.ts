/**
 * Signs a subgraph's answer: a detached JWS (EdDSA, typ hub-provenance+jws) over the canonical
 * text of its data, the request id and the operation hash. One hash and one signature per
 * response, linear in its size.
 */
import { CompactSign } from "jose";
import { payloadHash, provenancePayload, PROVENANCE_TYPE, type SubgraphSignature } from "@hub/contracts";
import type { ProvenanceKey } from "./provenanceKey";

export type ProvenanceSigner = (requestId: string, op: string, data: unknown) => Promise<SubgraphSignature>;

const encoder = new TextEncoder();

export function createProvenanceSigner(subgraph: string, key: ProvenanceKey): ProvenanceSigner {
  return async (requestId, op, data) => {
    const payload = provenancePayload({ subgraph, requestId, op, data });
    const compact = await new CompactSign(encoder.encode(payload))
      .setProtectedHeader({ alg: "EdDSA", typ: PROVENANCE_TYPE, kid: key.kid })
      .sign(key.key);
    const [header, , signature] = compact.split(".");
    return { requestId, op, payloadHash: await payloadHash(payload), jws: `${header}..${signature}` };
  };
}
