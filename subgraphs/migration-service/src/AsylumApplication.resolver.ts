/** Asylum applications: look-up by id, search, and the links to applicant and country of origin. */
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { FindOptionsWhere } from "typeorm";
import { Category, pageSize } from "@hub/kit";
import { AsylumApplication } from "./AsylumApplication.entity";
import { Country, country } from "./Country.type";
import { AsylumOutcome } from "./enums";
import type { Context } from "./loaders";
import { Person } from "./Person.entity";
import { disclose, discloseOne } from "./recordRules";

@Resolver(() => AsylumApplication)
export class AsylumApplicationResolver {
  @Category("ASYLUM")
  @Query(() => AsylumApplication, { nullable: true })
  async asylumApplication(
    @Arg("applicationId", () => ID) applicationId: string,
    @Ctx() ctx: Context,
  ): Promise<AsylumApplication | null> {
    return discloseOne(ctx, "AsylumApplication", await ctx.loaders.applicationById.load(applicationId));
  }

  @Category("ASYLUM")
  @Query(() => [AsylumApplication], { description: "Asylum applications matching the filters, most recent first." })
  async asylumApplications(
    @Ctx() ctx: Context,
    @Arg("personRef", () => ID, { nullable: true }) personRef?: string,
    @Arg("countryOfOrigin", { nullable: true, description: "ISO 3166-1 alpha-2" }) countryOfOrigin?: string,
    @Arg("outcome", () => AsylumOutcome, { nullable: true }) outcome?: AsylumOutcome,
    @Arg("first", () => Int, { nullable: true }) first?: number,
  ): Promise<AsylumApplication[]> {
    const where: FindOptionsWhere<AsylumApplication> = {};
    if (personRef) where.personRef = personRef;
    if (countryOfOrigin) where.countryOfOriginCode = countryOfOrigin;
    if (outcome) where.outcome = outcome;
    const applications = await ctx.dataSource
      .getRepository(AsylumApplication)
      .find({ where, order: { lodgedOn: "DESC", applicationId: "ASC" }, take: pageSize(first) });
    return disclose(ctx, "AsylumApplication", applications);
  }

  @Category("IDENTIFIER")
  @FieldResolver(() => Person, {
    nullable: true,
    description: "The applicant; null when that person's record is withheld.",
  })
  async person(@Root() application: AsylumApplication, @Ctx() ctx: Context): Promise<Person | null> {
    return discloseOne(ctx, "Person", await ctx.loaders.personByRef.load(application.personRef));
  }

  @Category("ASYLUM")
  @FieldResolver(() => Country, { nullable: true, description: "The country the applicant seeks protection from." })
  countryOfOrigin(@Root() application: AsylumApplication): Country | null {
    return country(application.countryOfOriginCode);
  }
}
