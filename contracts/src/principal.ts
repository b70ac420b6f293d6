/**
 * Who is asking: the principal the gateway derives from a verified identity token and passes,
 * signed, to every subgraph in the hub-context token.
 */
import { z } from "zod";
import { AGENCIES, PURPOSES } from "./vocabulary";

export const principalSchema = z.object({
  subject: z.string().min(1).max(200),
  agency: z.enum(AGENCIES),
  role: z.string().min(1).max(100),
  purposes: z.array(z.enum(PURPOSES)).max(PURPOSES.length),
  /** ISO 3166-1 alpha-2 country of the caller's authority. */
  country: z.string().regex(/^[A-Z]{2}$/),
  /** Case ids assigned to the caller (trafficking caseworkers). */
  cases: z.array(z.string().min(1).max(64)).max(1000),
});
export type Principal = z.infer<typeof principalSchema>;

/** Claims of the hub-context token the gateway signs for each subgraph call. */
export const hubContextClaimsSchema = z.object({
  principal: principalSchema,
  purpose: z.enum(PURPOSES),
  requestId: z.string().min(1).max(100),
  /** Valid-until date (YYYY-MM-DD) of the caller's X-Authorization-Ref, so subgraphs can decide R11-1 per record. */
  authorizationUntil: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type HubContextClaims = z.infer<typeof hubContextClaimsSchema>;

/** Issuer of hub-context tokens; subgraphs accept no other. */
export const HUB_CONTEXT_ISSUER = "urn:migration-hub:gateway";
/** Header carrying the hub-context token from the gateway to a subgraph. */
export const HUB_CONTEXT_HEADER = "x-hub-context";

/** Extension of a subgraph's response listing the personRefs whose data it disclosed (for the audit). */
export const DISCLOSED_EXTENSION = "hubDisclosedPersonRefs";
