/** The country code list, and the entity resolver other subgraphs' Country references land on. */
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { Category } from "@hub/kit";
import { Country } from "./Country.entity";
import type { Context } from "./loaders";

@Resolver(() => Country)
export class CountryResolver {
  @Category("REFERENCE")
  @Query(() => [Country], { nullable: true, description: "The country code list, by code." })
  countries(@Ctx() ctx: Context): Promise<Country[]> {
    return ctx.dataSource.getRepository(Country).find({ order: { code: "ASC" } });
  }

  @Category("REFERENCE")
  @Query(() => Country, { nullable: true })
  country(@Arg("code", () => ID) code: string, @Ctx() ctx: Context): Promise<Country | null> {
    return ctx.loaders.countryByCode.load(code);
  }
}

/** `_entities` for Country: one SQL statement for all the codes of a gateway batch. */
export function resolveCountryReference(reference: Record<string, unknown>, ctx: Context): Promise<Country | null> {
  return ctx.loaders.countryByCode.load(String(reference.code));
}
