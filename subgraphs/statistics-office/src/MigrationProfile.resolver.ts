/** The migration profile of a year after a template, as data and as SDMX-CSV, from the cells pulled through the hub. */
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { TOTAL } from "@hub/contracts";
import { Category } from "@hub/kit";
import { isPublishedBy, isSexMargin } from "./cellDimensions";
import type { Context } from "./loaders";
import { MigrationProfile } from "./MigrationProfile.type";
import { badInput, DEFAULT_TEMPLATE, loadTables, loadTemplate } from "./profileStore";
import { writeSdmxCsv } from "./sdmx/writeSdmxCsv";

@Resolver(() => MigrationProfile)
export class MigrationProfileResolver {
  @Category("AGGREGATE")
  @Query(() => MigrationProfile, {
    nullable: true,
    description: `The year's profile after a template (default ${DEFAULT_TEMPLATE}); null when nothing was pulled for it.`,
  })
  async migrationProfile(
    @Arg("year", () => Int) year: number,
    @Arg("template", () => ID, { nullable: true }) template: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<MigrationProfile | null> {
    const loaded = await loadTemplate(ctx.dataSource, template ?? DEFAULT_TEMPLATE);
    const { cells, pulledAt } = await loadTables(
      ctx.dataSource,
      loaded.entries.map((e) => e.indicator.code),
      year,
    );
    if (cells.size === 0) return null;
    return {
      year,
      template: loaded.template,
      pulledAt,
      indicators: loaded.entries.map(({ indicator, disaggregations }) => {
        const table = cells.get(indicator.code) ?? [];
        const margin = (sex: string) => table.find((c) => isSexMargin(c, sex)) ?? null;
        return {
          indicator,
          total: margin(TOTAL),
          female: margin("F"),
          male: margin("M"),
          cells: table.filter((c) => isPublishedBy(c, disaggregations)),
        };
      }),
    };
  }

  @Category("AGGREGATE")
  @Query(() => String, {
    nullable: true,
    description:
      "The year's profile (or one of its indicators) as SDMX-CSV 2.0, after the structure in contracts/profiles/sdmx; null when nothing was pulled.",
  })
  async migrationProfileSdmx(
    @Arg("year", () => Int) year: number,
    @Arg("template", () => ID, { nullable: true }) template: string | null | undefined,
    @Arg("indicator", () => ID, { nullable: true }) indicator: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<string | null> {
    const loaded = await loadTemplate(ctx.dataSource, template ?? DEFAULT_TEMPLATE);
    const entries = indicator == null ? loaded.entries : loaded.entries.filter((e) => e.indicator.code === indicator);
    if (entries.length === 0) {
      throw badInput(`Indicator ${indicator} is not in template ${loaded.template.id}`);
    }
    const { cells } = await loadTables(
      ctx.dataSource,
      entries.map((e) => e.indicator.code),
      year,
    );
    if (cells.size === 0) return null;
    return writeSdmxCsv(
      entries.map(({ indicator: definition, disaggregations }) => ({
        indicator: definition,
        cells: (cells.get(definition.code) ?? []).filter((c) => isPublishedBy(c, disaggregations)),
      })),
    );
  }
}
