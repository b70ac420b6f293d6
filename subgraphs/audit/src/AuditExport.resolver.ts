/** Export of a filtered range of the audit log as a file's text. */
import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { Category } from "@hub/kit";
import { AuditEventFilter } from "./AuditEventFilter.input";
import { EXPORT_LIMIT, ExportFormat, exportAuditEvents } from "./exportAuditEvents";
import type { Context } from "./loaders";
import { authorise, releasedOnly } from "./recordRules";

@Resolver()
export class AuditExportResolver {
  @Category("AUDIT")
  @Query(() => String, {
    description: `The events matching the filter, oldest first, as CSV or JSON Lines; at most ${EXPORT_LIMIT}.`,
  })
  async exportAuditEvents(
    // Reverse order of the SDL's (filter, format): type-graphql lists arguments last parameter first.
    @Arg("format", () => ExportFormat) format: ExportFormat,
    @Arg("filter", () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | undefined,
    @Ctx() ctx: Context,
  ): Promise<string> {
    authorise(ctx);
    return exportAuditEvents(ctx.dataSource, releasedOnly(ctx, filter), format);
  }
}
