/** Aggregated counts of the audit log, for the auditor console's charts. */
import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { Category } from "@hub/kit";
import { AuditEventFilter } from "./AuditEventFilter.input";
import { auditStatistics, STATISTICS_LIMIT } from "./auditStatistics";
import { AuditStatisticsBucket, AuditStatisticsInterval } from "./AuditStatistics.type";
import type { Context } from "./loaders";
import { authorise, releasedOnly } from "./recordRules";

@Resolver(() => AuditStatisticsBucket)
export class AuditStatisticsResolver {
  @Category("AUDIT")
  @Query(() => [AuditStatisticsBucket], {
    description: `Requests matching the filter counted by outcome per time bucket, agency and purpose, oldest first; at most ${STATISTICS_LIMIT} rows.`,
  })
  async auditStatistics(
    // Reverse order of the SDL's (filter, bucket): type-graphql lists arguments last parameter first.
    @Arg("bucket", () => AuditStatisticsInterval, { defaultValue: AuditStatisticsInterval.DAY })
    bucket: AuditStatisticsInterval,
    @Arg("filter", () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | undefined,
    @Ctx() ctx: Context,
  ): Promise<AuditStatisticsBucket[]> {
    authorise(ctx);
    return auditStatistics(ctx.dataSource, releasedOnly(ctx, filter), bucket);
  }
}
