/** Statistical cells of an indicator, served after disclosure control, and their links. */
import { GraphQLError } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { Category } from "@hub/kit";
import { aggregatePageSize } from "./aggregatePageSize";
import { Country } from "./Country.entity";
import { AgeGroup, Sex } from "./enums";
import { IndicatorDefinition } from "./IndicatorDefinition.entity";
import type { Context } from "./loaders";
import { Observation } from "./Observation.entity";
import { servedObservations } from "./servedObservations";

/** Value of the `citizenship` argument that selects the margin over all citizenships. */
const ALL_CITIZENSHIPS = "TOTAL";

@Resolver(() => Observation)
export class ObservationResolver {
  @Category("AGGREGATE")
  @Query(() => [Observation], {
    nullable: true,
    description: "Cells of an indicator's tables matching the filters, by year, sex, age group and citizenship.",
  })
  async observations(
    @Ctx() ctx: Context,
    @Arg("indicatorCode", () => ID) indicatorCode: string,
    @Arg("year", () => Int, { nullable: true }) year?: number,
    @Arg("sex", () => Sex, { nullable: true }) sex?: Sex,
    @Arg("ageGroup", () => AgeGroup, { nullable: true }) ageGroup?: AgeGroup,
    @Arg("citizenship", () => String, {
      nullable: true,
      description: `ISO 3166-1 alpha-2 code, or ${ALL_CITIZENSHIPS} for the cells over all citizenships.`,
    })
    citizenship?: string,
    @Arg("first", () => Int, { nullable: true }) first?: number,
  ): Promise<Observation[]> {
    const limit = aggregatePageSize(first);
    if (citizenship != null && citizenship !== ALL_CITIZENSHIPS && !/^[A-Z]{2}$/.test(citizenship)) {
      throw badInput(`citizenship must be an ISO 3166-1 alpha-2 code or ${ALL_CITIZENSHIPS}`);
    }
    const indicator = await ctx.loaders.indicatorByCode.load(indicatorCode);
    if (!indicator) throw badInput(`Unknown indicator ${indicatorCode}`);
    const wanted = citizenship == null ? undefined : citizenship === ALL_CITIZENSHIPS ? null : citizenship;
    const cells = await servedObservations(ctx.dataSource, [indicator], year ?? undefined);
    return cells
      .filter(
        (c) =>
          (sex == null || c.sex === sex) &&
          (ageGroup == null || c.ageGroup === ageGroup) &&
          (wanted === undefined || c.citizenshipCode === wanted),
      )
      .slice(0, limit);
  }

  @Category("AGGREGATE")
  @FieldResolver(() => IndicatorDefinition)
  indicator(@Root() cell: Observation, @Ctx() ctx: Context): Promise<IndicatorDefinition | null> {
    return ctx.loaders.indicatorByCode.load(cell.indicatorCode);
  }

  @Category("AGGREGATE")
  @FieldResolver(() => Country, { nullable: true, description: "Null: the cell counts all citizenships." })
  citizenship(@Root() cell: Observation, @Ctx() ctx: Context): Promise<Country | null> | null {
    return cell.citizenshipCode === null ? null : ctx.loaders.countryByCode.load(cell.citizenshipCode);
  }
}

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
