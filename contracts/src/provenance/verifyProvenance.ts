/**
 * Checks an answer's provenance against the agencies' published keys: each part's signature by
 * the key of the subgraph it names, its hash and request id, that the answer shows what it signed
 * where it was merged, and that every datum of the answer is covered by a part. Browser-safe: the
 * explorer runs it as `npm run verify-response` does.
 */
import { compactVerify, createLocalJWKSet } from "jose";
import { SUBGRAPHS } from "../vocabulary";
import { dataLeaves, pathText, placePart, type ResponsePath } from "./placePart";
import {
  ANSWER_PROVENANCE_EXTENSION,
  attachPayload,
  payloadHash,
  provenancePayload,
  PROVENANCE_TYPE,
  type AnswerProvenance,
  type ProvenancePart,
} from "./provenancePayload";
import type { PublishedKeys } from "./publishedKeys";

export type PartStatus = "verified" | "failed" | "withheld";

export interface PartReport {
  subgraph: string;
  agency: string;
  path: string;
  status: PartStatus;
  /** Why it failed or was withheld. */
  problem?: string;
  /** Data it covers in the answer. */
  covered: number;
}

export interface ProvenanceReport {
  /** Every part verified and every datum covered. */
  ok: boolean;
  requestId: string | null;
  parts: PartReport[];
  /** Data of the answer. */
  data: number;
  /** Data no verified part covers, by path (at most the first 20 are named). */
  unproven: string[];
  unprovenCount: number;
  /** Each failure in one line, naming the agency and the path. */
  failures: string[];
}

const MAX_NAMED = 20;

function readProvenance(answer: unknown): AnswerProvenance | string {
  if (typeof answer !== "object" || answer === null) return "the answer is not a JSON object";
  const extensions = (answer as { extensions?: Record<string, unknown> }).extensions;
  const provenance = extensions?.[ANSWER_PROVENANCE_EXTENSION] as AnswerProvenance | undefined;
  if (!provenance || typeof provenance.requestId !== "string" || !Array.isArray(provenance.parts)) {
    return "the answer has no extensions.provenance";
  }
  return provenance;
}

const isPart = (p: unknown): p is ProvenancePart => {
  const part = p as ProvenancePart;
  return (
    typeof p === "object" &&
    p !== null &&
    typeof part.subgraph === "string" &&
    typeof part.requestId === "string" &&
    typeof part.op === "string" &&
    typeof part.payloadHash === "string" &&
    typeof part.jws === "string" &&
    Array.isArray(part.path)
  );
};

async function checkSignature(part: ProvenancePart, keys: PublishedKeys): Promise<string | null> {
  const payload = provenancePayload({
    subgraph: part.subgraph,
    requestId: part.requestId,
    op: part.op,
    data: part.data,
  });
  if ((await payloadHash(payload)) !== part.payloadHash)
    return "its data, request id or operation hash is not what was signed";
  const jwks = keys[part.subgraph];
  if (!jwks) return "no published key of this agency was given";
  const jws = attachPayload(part.jws, payload);
  if (!jws) return "its signature is not a detached compact JWS";
  try {
    const { protectedHeader } = await compactVerify(jws, createLocalJWKSet(jwks), { algorithms: ["EdDSA"] });
    if (protectedHeader.typ !== PROVENANCE_TYPE) return "its signature is not a provenance signature";
  } catch (error) {
    return `its signature does not verify with the agency's published keys (${(error as Error).message})`;
  }
  return null;
}

async function checkPart(
  part: unknown,
  requestId: string,
  data: unknown,
  keys: PublishedKeys,
): Promise<{ report: PartReport; covered: ResponsePath[] }> {
  if (!isPart(part)) {
    return {
      report: { subgraph: "?", agency: "?", path: "?", status: "failed", problem: "a part is malformed", covered: 0 },
      covered: [],
    };
  }
  const known = Object.hasOwn(SUBGRAPHS, part.subgraph) ? SUBGRAPHS[part.subgraph as keyof typeof SUBGRAPHS] : null;
  const base = { subgraph: part.subgraph, agency: known ?? String(part.agency), path: pathText(part.path) };
  const fail = (problem: string) => ({
    report: { ...base, status: "failed" as const, problem, covered: 0 },
    covered: [],
  });
  if (!known) return fail("it names no subgraph of the hub");
  if (part.agency !== known) return fail(`it names ${String(part.agency)}, but ${part.subgraph} is ${known}'s`);
  if (part.requestId !== requestId) return fail("it was signed for another request");
  if (part.data === undefined) {
    return {
      report: { ...base, status: "withheld", problem: part.withheld ?? "its data was not passed", covered: 0 },
      covered: [],
    };
  }
  const signature = await checkSignature(part, keys);
  if (signature) return fail(signature);
  const placed = placePart(data, part.path, part.data);
  if (!placed.ok) return fail(`the answer at ${pathText(placed.at)} ${placed.reason}`);
  return { report: { ...base, status: "verified", covered: placed.covered.length }, covered: placed.covered };
}

export async function verifyProvenance(answer: unknown, keys: PublishedKeys): Promise<ProvenanceReport> {
  const provenance = readProvenance(answer);
  const data = (answer as { data?: unknown } | null)?.data ?? null;
  const leaves = dataLeaves(data);
  if (typeof provenance === "string") {
    const unproven = leaves.map(pathText);
    const failures = [provenance];
    return {
      ok: false,
      requestId: null,
      parts: [],
      data: leaves.length,
      unproven: unproven.slice(0, MAX_NAMED),
      unprovenCount: unproven.length,
      failures,
    };
  }
  const checked = await Promise.all(provenance.parts.map((p) => checkPart(p, provenance.requestId, data, keys)));
  const covered = new Set(checked.flatMap((c) => c.covered.map((path) => JSON.stringify(path))));
  const unproven = leaves.filter((leaf) => !covered.has(JSON.stringify(leaf))).map(pathText);
  const parts = checked.map((c) => c.report);
  const failures = [
    ...parts
      .filter((p) => p.status === "failed")
      .map((p) => `${p.agency} (${p.subgraph}) at ${p.path}: ${p.problem ?? "failed"}`),
    ...unproven.slice(0, MAX_NAMED).map((path) => `${path}: no agency's verified signature covers this datum`),
  ];
  return {
    ok: failures.length === 0,
    requestId: provenance.requestId,
    parts,
    data: leaves.length,
    unproven: unproven.slice(0, MAX_NAMED),
    unprovenCount: unproven.length,
    failures,
  };
}
