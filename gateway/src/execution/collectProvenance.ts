/**
 * The client's `extensions.provenance`: each subgraph fetch's signature, where its data was merged
 * and the data it signed, so that anyone holding the answer can check each datum against the
 * agency's published key (docs/provenance.md). A fetch whose signed data holds values the answer
 * does not show (join keys the caller did not select) is listed without its data: passing it
 * would disclose what the decision did not.
 */
import {
  pathText,
  placePart,
  SUBGRAPHS,
  type AnswerProvenance,
  type ProvenancePart,
  type SubgraphSignature,
} from "@hub/contracts";

export interface ReceivedPart {
  subgraph: string;
  path: (string | number)[];
  data: unknown;
  signature: SubgraphSignature;
}

const MAX_SIGNATURE_TEXT = 512;

function isSignature(value: unknown): value is SubgraphSignature {
  if (typeof value !== "object" || value === null) return false;
  const s = value as Record<string, unknown>;
  return ["requestId", "op", "payloadHash", "jws"].every(
    (key) => typeof s[key] === "string" && (s[key] as string).length <= MAX_SIGNATURE_TEXT,
  );
}

/** A subgraph's signed answer as it arrived, or nothing when it carries no readable signature. */
export function receivedPart(
  subgraph: string,
  path: readonly (string | number)[] | undefined,
  data: unknown,
  signature: unknown,
): ReceivedPart | undefined {
  if (!isSignature(signature)) return undefined;
  const { requestId, op, payloadHash, jws } = signature;
  // Apollo merges this object into the answer and later fetches merge into it: keep it as signed.
  return {
    subgraph,
    path: [...(path ?? [])],
    data: structuredClone(data ?? null),
    signature: { requestId, op, payloadHash, jws },
  };
}

/** The provenance of an answer whose data is `data`; none when no subgraph was asked. */
export function answerProvenance(
  requestId: string,
  data: unknown,
  parts: readonly ReceivedPart[],
): AnswerProvenance | undefined {
  if (parts.length === 0) return undefined;
  return {
    requestId,
    parts: parts.map((part): ProvenancePart => {
      const agency = Object.hasOwn(SUBGRAPHS, part.subgraph)
        ? SUBGRAPHS[part.subgraph as keyof typeof SUBGRAPHS]
        : "UNKNOWN";
      const base = { subgraph: part.subgraph, agency, path: part.path, ...part.signature };
      const placed = placePart(data, part.path, part.data);
      if (placed.ok) return { ...base, data: part.data };
      return { ...base, withheld: `its signed data is not all in the answer: ${pathText(placed.at)} ${placed.reason}` };
    }),
  };
}
