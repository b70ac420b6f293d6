/** `auditReplay(eventId)`: a recorded event re-decided under the policy version it cites, for the auditor console. */
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { Category } from "@hub/kit";
import type { Context } from "../loaders";
import { authorise, released } from "../recordRules";
import { AuditReplay, toAuditReplay } from "./AuditReplay.type";
import { replayEvent } from "./replayEvent";

@Resolver(() => AuditReplay)
export class AuditReplayResolver {
  @Category("AUDIT")
  @Query(() => AuditReplay, {
    nullable: true,
    description:
      "Re-decides every selection the event records under the policy version it cites, and compares field by field and rule by rule; null when there is no such event (or it is not yet released to this caller).",
  })
  async auditReplay(@Arg("eventId", () => ID) eventId: string, @Ctx() ctx: Context): Promise<AuditReplay | null> {
    authorise(ctx);
    const row = released(ctx, await ctx.loaders.eventById.load(eventId));
    return row ? toAuditReplay(await replayEvent(ctx.dataSource, row)) : null;
  }
}
