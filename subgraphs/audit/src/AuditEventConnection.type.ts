/** A page of audit events, newest first, with opaque cursors. */
import { Field, ObjectType } from "type-graphql";
import { Category } from "@hub/kit";
import { AuditEvent } from "./AuditEvent.type";
import type { AuditEventFilter } from "./AuditEventFilter.input";

@ObjectType()
export class AuditEventEdge {
  @Category("AUDIT")
  @Field()
  cursor: string;

  @Category("AUDIT")
  @Field(() => AuditEvent)
  node: AuditEvent;
}

@ObjectType()
export class AuditPageInfo {
  @Category("AUDIT")
  @Field()
  hasNextPage: boolean;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page; null on an empty page." })
  endCursor: string | null;
}

@ObjectType()
export class AuditEventConnection {
  @Category("AUDIT")
  @Field(() => [AuditEventEdge])
  edges: AuditEventEdge[];

  @Category("AUDIT")
  @Field(() => AuditPageInfo)
  pageInfo: AuditPageInfo;

  /** Kept for `totalCount`, which counts only when asked. */
  filter: AuditEventFilter | null;
}
