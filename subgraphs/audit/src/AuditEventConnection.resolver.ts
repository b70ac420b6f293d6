/** `totalCount` of a search, counted only when a client asks for it. */
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Category } from "@hub/kit";
import { AuditEventConnection } from "./AuditEventConnection.type";
import type { Context } from "./loaders";
import { SafeInt } from "./SafeInt.scalar";
import { countAuditEvents } from "./searchAuditEvents";

@Resolver(() => AuditEventConnection)
export class AuditEventConnectionResolver {
  @Category("AUDIT")
  @FieldResolver(() => SafeInt, { description: "Events matching the filter, on every page." })
  totalCount(@Root() connection: AuditEventConnection, @Ctx() ctx: Context): Promise<number> {
    return countAuditEvents(ctx.dataSource, connection.filter);
  }
}
