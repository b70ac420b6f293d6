/** Chain verification on demand, over the whole log or a time range. */
import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { Category } from "@hub/kit";
import { ChainVerification } from "./ChainVerification.type";
import type { Context } from "./loaders";
import { authorise } from "./recordRules";
import { verifyAuditChain } from "./verifyAuditChain";

@Resolver(() => ChainVerification)
export class ChainVerificationResolver {
  @Category("AUDIT")
  @Query(() => ChainVerification, {
    description:
      "Re-computes the hash chain (from the event before `from`), checks search columns, positions, the chain head and signed checkpoints; names the first broken event.",
  })
  async verifyAuditChain(
    // Reverse order of the SDL's (from, to): type-graphql lists arguments last parameter first.
    @Arg("to", () => Date, { nullable: true }) to: Date | undefined,
    @Arg("from", () => Date, { nullable: true }) from: Date | undefined,
    @Ctx() ctx: Context,
  ): Promise<ChainVerification> {
    authorise(ctx);
    return verifyAuditChain(ctx.dataSource, { from, to, loadJwks: ctx.loaders.services.jwks });
  }
}
