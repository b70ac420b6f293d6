/** The anomaly alarm's suspensions (R7-3): listed for auditors and the data-protection officer, lifted by the officer. */
import { GraphQLError } from "graphql";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import {
  CALLER_SUSPENSION_BY_ID_SQL,
  CALLER_SUSPENSION_LIFT_SQL,
  CALLER_SUSPENSION_LIST_SQL,
  type CallerSuspensionRow,
} from "@hub/contracts";
import { Category } from "@hub/kit";
import type { Context } from "../loaders";
import { authorise } from "../recordRules";
import { CallerSuspension, toCallerSuspension } from "./CallerSuspension.type";
import { authoriseLift } from "./liftRule";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_LISTED = 200;

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

@Resolver(() => CallerSuspension)
export class SuspensionResolver {
  @Category("AUDIT")
  @Query(() => [CallerSuspension], {
    description: "Suspensions by the anomaly alarm, newest first: the active ones, or every one with `active: false`.",
  })
  async callerSuspensions(
    // Reverse order of the SDL's (active, first): type-graphql lists arguments last parameter first.
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("active", { defaultValue: true }) active: boolean,
    @Ctx() ctx: Context,
  ): Promise<CallerSuspension[]> {
    authorise(ctx);
    if (first < 1 || first > MAX_LISTED) throw badInput(`first must be between 1 and ${MAX_LISTED}`);
    const rows: CallerSuspensionRow[] = await ctx.dataSource.query(CALLER_SUSPENSION_LIST_SQL, [active, first]);
    return rows.map(toCallerSuspension);
  }

  @Category("AUDIT")
  @Mutation(() => CallerSuspension, {
    description:
      "Lifts an active suspension (the data-protection officer only): every gateway serves the caller again at its next request, and counting starts afresh.",
  })
  async liftSuspension(
    @Arg("reason") reason: string,
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<CallerSuspension> {
    authoriseLift(ctx);
    const why = reason.trim();
    if (why.length < 3 || why.length > 500) throw badInput("reason must say why, in 3 to 500 characters");
    if (!UUID.test(id)) throw badInput("id is not a suspension's id");
    // TypeORM answers an UPDATE on PostgreSQL with [rows, affected].
    const [lifted]: [CallerSuspensionRow[], number] = await ctx.dataSource.query(CALLER_SUSPENSION_LIFT_SQL, [
      id,
      new Date(),
      ctx.hub.principal.subject,
      why,
      ctx.hub.requestId,
    ]);
    const [row] = lifted;
    if (row) {
      ctx.log.warn({ suspensionId: id, requestId: ctx.hub.requestId }, "suspension lifted (R7-3)");
      return toCallerSuspension(row);
    }
    const existing: CallerSuspensionRow[] = await ctx.dataSource.query(CALLER_SUSPENSION_BY_ID_SQL, [id]);
    throw badInput(existing.length > 0 ? "This suspension was already lifted." : "No suspension has this id.");
  }
}
