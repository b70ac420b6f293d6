/** The filters auditors search the log with; each one uses an indexed column. */
import { GraphQLError } from "graphql";
import { Field, InputType } from "type-graphql";
import type { SelectQueryBuilder } from "typeorm";
import { AuditOutcome } from "./AuditEvent.type";
import type { AuditEventRecord } from "./AuditEventRecord.entity";

const OUTCOMES: readonly string[] = Object.values(AuditOutcome);

@InputType({ description: "Every given filter must match." })
export class AuditEventFilter {
  @Field({ nullable: true, description: "Events at or after this instant." })
  from?: Date;

  @Field({ nullable: true, description: "Events at or before this instant." })
  to?: Date;

  @Field({ nullable: true, description: "The requesting agency." })
  agency?: string;

  @Field({ nullable: true, description: "The requesting user or service." })
  subject?: string;

  @Field({ nullable: true })
  purpose?: string;

  // Plain strings, like agency and purpose, so that a client can pass any of them as a variable.
  @Field({ nullable: true, description: "ALLOWED, PARTIAL, DENIED, REJECTED, FAILED or ADMINISTERED." })
  outcome?: string;

  @Field({ nullable: true, description: "A rule that denied a field (e.g. R6-1)." })
  ruleId?: string;

  @Field({ nullable: true, description: "A person whose data the request disclosed." })
  personRef?: string;

  @Field({
    nullable: true,
    description:
      "An identity provider's issuer: events of its callers, of tokens it issued that were refused, and operators' actions on its keys.",
  })
  issuer?: string;

  @Field({ nullable: true, description: "The OAuth client id of a verified caller." })
  clientId?: string;

  @Field({ nullable: true, description: "Why authentication refused (e.g. expired, unknown-key; docs/audit.md)." })
  authenticationReason?: string;

  /**
   * Not part of the API (no field): set by the subgraph, never by a caller. Events whose
   * `releaseAfter` is later than this day are left out (R9-1, see recordRules.ts).
   */
  releasedBy?: string;
}

/** Adds the filter's conditions to a query on `audit_event` aliased `e`. */
export function applyFilter(
  query: SelectQueryBuilder<AuditEventRecord>,
  filter: AuditEventFilter | null | undefined,
): SelectQueryBuilder<AuditEventRecord> {
  if (!filter) return query;
  if (filter.outcome && !OUTCOMES.includes(filter.outcome)) {
    throw new GraphQLError(`outcome must be one of ${OUTCOMES.join(", ")}`, { extensions: { code: "BAD_USER_INPUT" } });
  }
  if (filter.from) query.andWhere("e.occurred_at >= :from", { from: filter.from });
  if (filter.to) query.andWhere("e.occurred_at <= :to", { to: filter.to });
  if (filter.agency) query.andWhere("e.agency = :agency", { agency: filter.agency });
  if (filter.subject) query.andWhere("e.subject = :subject", { subject: filter.subject });
  if (filter.purpose) query.andWhere("e.purpose = :purpose", { purpose: filter.purpose });
  if (filter.outcome) query.andWhere("e.outcome = :outcome", { outcome: filter.outcome });
  // Containment (@>) rather than = ANY, so that the GIN indexes answer.
  if (filter.ruleId) query.andWhere("e.rule_ids @> ARRAY[:ruleId]::text[]", { ruleId: filter.ruleId });
  if (filter.personRef) query.andWhere("e.person_refs @> ARRAY[:personRef]::text[]", { personRef: filter.personRef });
  if (filter.issuer) query.andWhere("e.issuer = :issuer", { issuer: filter.issuer });
  if (filter.clientId) query.andWhere("e.client_id = :clientId", { clientId: filter.clientId });
  if (filter.authenticationReason) {
    query.andWhere("e.auth_reason = :authReason", { authReason: filter.authenticationReason });
  }
  if (filter.releasedBy) {
    query.andWhere("(e.release_after IS NULL OR e.release_after <= :releasedBy)", { releasedBy: filter.releasedBy });
  }
  return query;
}
