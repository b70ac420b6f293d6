/**
 * Who is asking: the principal the gateway derives from a verified identity token and passes,
 * signed, to every subgraph in the hub-context token.
 */
import { z } from "zod";
import { AGENCIES, isAgency, PURPOSES, type Agency } from "./vocabulary";

/**
 * A foreign authority (R14-2): its country's ISO 3166-1 alpha-2 code, a hyphen, and the body's
 * acronym, for example `TR-PMM` or `GE-MIA`. The prefix makes the authority's country part of its
 * name, so an id can never be read as a domestic agency (those have no hyphen) nor moved to another
 * country without changing.
 */
export type ForeignAuthorityId = `${string}-${string}`;
export const FOREIGN_AUTHORITY_ID = /^[A-Z]{2}-[A-Z][A-Z0-9]{1,15}$/;

export function isForeignAuthorityId(value: unknown): value is ForeignAuthorityId {
  return typeof value === "string" && FOREIGN_AUTHORITY_ID.test(value);
}

export const foreignAuthorityIdSchema = z.custom<ForeignAuthorityId>(
  isForeignAuthorityId,
  "must be a foreign authority id: the country code, a hyphen and the body's acronym, such as TR-PMM",
);

/** The country a foreign authority id names (its prefix). */
export const countryOfAuthority = (id: ForeignAuthorityId): string => id.slice(0, 2);

export const principalSchema = z
  .object({
    subject: z.string().min(1).max(200),
    /**
     * The body the caller acts for: a domestic agency, or a foreign authority (R14-2). The audit
     * log records this string as the event's agency, so a foreign recipient is named there too.
     */
    agency: z.union([z.enum(AGENCIES), foreignAuthorityIdSchema]),
    role: z.string().min(1).max(100),
    purposes: z.array(z.enum(PURPOSES)).max(PURPOSES.length),
    /** ISO 3166-1 alpha-2 country of the caller's authority. */
    country: z.string().regex(/^[A-Z]{2}$/),
    /** Case ids assigned to the caller (trafficking caseworkers). */
    cases: z.array(z.string().min(1).max(64)).max(1000),
  })
  // A foreign authority is of the country its id names; a token saying otherwise is not believed.
  .refine((p) => !isForeignAuthorityId(p.agency) || countryOfAuthority(p.agency) === p.country, {
    path: ["agency"],
    message: "a foreign authority's id must begin with the caller's country",
  });
export type Principal = z.infer<typeof principalSchema>;

/** Whether the principal acts for a foreign authority rather than a domestic agency. */
export function isForeignPrincipal(principal: Principal): principal is Principal & { agency: ForeignAuthorityId } {
  return !isAgency(principal.agency);
}

/** The domestic agency the principal acts for, or null for a foreign authority. */
export const domesticAgencyOf = (principal: Principal): Agency | null =>
  isAgency(principal.agency) ? principal.agency : null;

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
  /** Hash of the one subgraph operation (query, operation name, variables) the token authorises: see hubContextOperationHash. */
  op: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type HubContextClaims = z.infer<typeof hubContextClaimsSchema>;
/** The claims that hold for every subgraph fetch of one request; the gateway adds `op` per fetch. */
export type HubContextRequestClaims = Omit<HubContextClaims, "op">;

/** The `typ` header of hub-context tokens: a subgraph accepts no other JWT, an identity token included. */
export const HUB_CONTEXT_TYPE = "hub-context+jwt";
/** Issuer of hub-context tokens; subgraphs accept no other. */
export const HUB_CONTEXT_ISSUER = "urn:migration-hub:gateway";
/** Header carrying the hub-context token from the gateway to a subgraph. */
export const HUB_CONTEXT_HEADER = "x-hub-context";

/** Extension of a subgraph's response listing the personRefs whose data it disclosed (for the audit). */
export const DISCLOSED_EXTENSION = "hubDisclosedPersonRefs";
