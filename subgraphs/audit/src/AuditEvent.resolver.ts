/** Searching and reading the audit log. */
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { Category, pageSize } from "@hub/kit";
import { AuditEvent, toAuditEvent } from "./AuditEvent.type";
import { AuditEventConnection } from "./AuditEventConnection.type";
import { AuditEventFilter } from "./AuditEventFilter.input";
import type { Context } from "./loaders";
import { authorise, released, releasedOnly } from "./recordRules";
import { searchAuditEvents } from "./searchAuditEvents";

export const AUDIT_PAGE_BOUNDS = { default: 50, max: 500 };

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Category("AUDIT")
  @Query(() => AuditEventConnection, { description: "Audit events matching the filter, newest first." })
  // type-graphql prints arguments in the reverse order of the parameters: the SDL reads filter, first, after.
  async auditEvents(
    @Arg("after", () => String, { nullable: true }) after: string | undefined,
    @Arg("first", () => Int, { nullable: true, defaultValue: AUDIT_PAGE_BOUNDS.default, description: "At most 500." })
    first: number | undefined,
    @Arg("filter", () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | undefined,
    @Ctx() ctx: Context,
  ): Promise<AuditEventConnection> {
    authorise(ctx);
    return searchAuditEvents(ctx.dataSource, releasedOnly(ctx, filter), pageSize(first, AUDIT_PAGE_BOUNDS), after);
  }

  @Category("AUDIT")
  @Query(() => AuditEvent, { nullable: true })
  async auditEvent(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<AuditEvent | null> {
    authorise(ctx);
    const row = released(ctx, await ctx.loaders.eventById.load(id));
    return row ? toAuditEvent(row) : null;
  }
}
