/** Counts of requests by outcome per time bucket, requesting agency and purpose: what the auditor console charts. */
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Category } from "@hub/kit";
import { SafeInt } from "./SafeInt.scalar";

export enum AuditStatisticsInterval {
  DAY = "DAY",
  HOUR = "HOUR",
}
registerEnumType(AuditStatisticsInterval, {
  name: "AuditStatisticsInterval",
  description: "The length of a time bucket; buckets start on the hour or at midnight, UTC.",
});

@ObjectType({ description: "The events of one time bucket from one agency for one purpose, counted by outcome." })
export class AuditStatisticsBucket {
  @Category("AUDIT")
  @Field({ description: "The bucket's first instant (UTC)." })
  start: Date;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "The requesting agency; null for unauthenticated requests." })
  agency: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "The declared purpose; null when none was accepted." })
  purpose: string | null;

  @Category("AUDIT")
  @Field(() => SafeInt, { description: "Every request, whatever its outcome (operators' actions are not requests)." })
  requests: number;

  @Category("AUDIT")
  @Field(() => SafeInt)
  allowed: number;

  @Category("AUDIT")
  @Field(() => SafeInt, { description: "Served with the denied fields removed." })
  partial: number;

  @Category("AUDIT")
  @Field(() => SafeInt, { description: "Refused by policy." })
  denied: number;

  @Category("AUDIT")
  @Field(() => SafeInt, { description: "Refused before any decision (authentication, purpose, limits)." })
  rejected: number;

  @Category("AUDIT")
  @Field(() => SafeInt)
  failed: number;

  @Category("AUDIT")
  @Field(() => SafeInt, {
    description: "Operators' actions on the gateway (refreshing or distrusting identity provider keys).",
  })
  administered: number;
}
