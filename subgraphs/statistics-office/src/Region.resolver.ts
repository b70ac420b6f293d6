/** The geography code list: the country's regions and the districts the sources record. */
import { Ctx, Query, Resolver } from "type-graphql";
import { Category } from "@hub/kit";
import type { Context } from "./loaders";
import { Region } from "./Region.entity";

@Resolver(() => Region)
export class RegionResolver {
  @Category("REFERENCE")
  @Query(() => [Region], { description: "Regions, then districts, each by code." })
  async regions(@Ctx() ctx: Context): Promise<Region[]> {
    const all = await ctx.dataSource.getRepository(Region).find({ order: { code: "ASC" } });
    return [...all.filter((r) => r.parent === null), ...all.filter((r) => r.parent !== null)];
  }
}
