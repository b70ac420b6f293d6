/**
 * The one shape of a refusal, for the gateway (a denied selection) and the subgraphs (a withheld
 * record or field): code FORBIDDEN, the deciding rule and its article, the reason, the data's
 * category and owner. And the report a subgraph sends the gateway of the records it withheld
 * (R7-2), so that the caller and the audit log learn of every refusal.
 */
import { z } from "zod";

/** What decided a refusal (a policy decision, or a rule checked outside the engine). */
export interface RefusalDecision {
  rule: string;
  article: string;
  reason: string;
  /** Policies that decided (the forbidding rules); empty for a rule checked outside the engine. */
  policies?: readonly string[];
}

export interface ForbiddenInput {
  /** What is refused, as the message names it: `Type.field`, or "3 records of crossings". */
  subject: string;
  category: string;
  owner: string;
  decision: RefusalDecision;
  path?: readonly (string | number)[];
  hint?: string | null;
  /** The subject names several records ("3 BorderCrossing records … are not disclosed"). */
  plural?: boolean;
  /** Extra extensions (for example `withheld: 3`). */
  extensions?: Record<string, unknown>;
  code?: "FORBIDDEN" | "UNCLASSIFIED_FIELD";
}

export interface ForbiddenError {
  message: string;
  path?: (string | number)[];
  extensions: Record<string, unknown>;
}

export function forbiddenError(input: ForbiddenInput): ForbiddenError {
  const { decision } = input;
  return {
    message: `${input.subject} (${input.category} data of ${input.owner}) ${input.plural ? "are" : "is"} not disclosed: ${decision.reason} [${decision.rule}, ${decision.article}]`,
    ...(input.path ? { path: [...input.path] } : {}),
    extensions: {
      code: input.code ?? "FORBIDDEN",
      rule: decision.rule,
      article: decision.article,
      reason: decision.reason,
      category: input.category,
      owner: input.owner,
      policies: [...(decision.policies ?? [])],
      ...(input.hint !== undefined ? { hint: input.hint } : {}),
      ...input.extensions,
    },
  };
}

/** Extension of a subgraph's response listing the records it withheld (never passed to the caller). */
export const WITHHELD_EXTENSION = "hubWithheld";

export const withheldReportSchema = z
  .object({
    rule: z.string().min(1).max(60),
    article: z.string().max(200),
    category: z.string().min(1).max(40),
    owner: z.string().min(1).max(60),
    /** Path in the subgraph's response (entity fetches start at `_entities`). */
    path: z.array(z.union([z.string().max(200), z.number().int().nonnegative()])).max(64),
    count: z.number().int().positive(),
    /** R14-3: reported to the audit log, never named to the caller. */
    silent: z.boolean(),
    /** Whose records were withheld (for the audit log, never for the caller). */
    personRefs: z.array(z.string().min(1).max(64)).max(1000).optional(),
  })
  .strict();
export type WithheldReport = z.infer<typeof withheldReportSchema>;

export const withheldReportsSchema = z.array(withheldReportSchema).max(10_000);
