/** The indicator definitions (reference data), each with every dimension its source offers. */
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { Category } from "@hub/kit";
import { IndicatorDefinition } from "./IndicatorDefinition.entity";
import type { Context } from "./loaders";

@Resolver(() => IndicatorDefinition)
export class IndicatorDefinitionResolver {
  @Category("REFERENCE")
  @Query(() => [IndicatorDefinition], { description: "Every indicator the office publishes, by code." })
  indicators(@Ctx() ctx: Context): Promise<IndicatorDefinition[]> {
    return ctx.dataSource.getRepository(IndicatorDefinition).find({ order: { code: "ASC" } });
  }

  @Category("REFERENCE")
  @Query(() => IndicatorDefinition, { nullable: true })
  indicator(@Arg("code", () => ID) code: string, @Ctx() ctx: Context): Promise<IndicatorDefinition | null> {
    return ctx.loaders.indicatorByCode.load(code);
  }
}
