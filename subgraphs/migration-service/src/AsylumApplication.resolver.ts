/** Asylum applications: look-up by id, search, and the links to applicant and country of origin. */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { FindOptionsWhere } from "typeorm";
import { Category, given, pageSize } from "@hub/kit";
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
    @Info() info: GraphQLResolveInfo,
  ): Promise<AsylumApplication | null> {
    return discloseOne(ctx, "AsylumApplication", await ctx.loaders.applicationById.load(applicationId), info);
  }

  @Category("ASYLUM")
  @Query(() => [AsylumApplication], {
    nullable: true,
    description: "Asylum applications of a person, most recent first; null when refused.",
  })
  async asylumApplications(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("personRef", () => ID, { nullable: true }) personRef?: string,
    @Arg("countryOfOrigin", { nullable: true, description: "ISO 3166-1 alpha-2" }) countryOfOrigin?: string,
    @Arg("outcome", () => AsylumOutcome, { nullable: true }) outcome?: AsylumOutcome,
    @Arg("first", () => Int, { nullable: true }) first?: number,
  ): Promise<AsylumApplication[]> {
    const where: FindOptionsWhere<AsylumApplication> = {};
    if (given(personRef)) where.personRef = personRef;
    if (given(countryOfOrigin)) where.countryOfOriginCode = countryOfOrigin;
    if (given(outcome)) where.outcome = outcome;
    const applications = await ctx.dataSource
      .getRepository(AsylumApplication)
      .find({ where, order: { lodgedOn: "DESC", applicationId: "ASC" }, take: pageSize(first) });
    return disclose(ctx, "AsylumApplication", applications, info);
  }

  @Category("IDENTIFIER")
  @FieldResolver(() => Person, {
    nullable: true,
    description: "The applicant; null when that person's record is withheld.",
  })
  async person(
    @Root() application: AsylumApplication,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Person | null> {
    return discloseOne(ctx, "Person", await ctx.loaders.personByRef.load(application.personRef), info);
  }

  @Category("ASYLUM")
  @FieldResolver(() => Country, { nullable: true, description: "The country the applicant seeks protection from." })
  countryOfOrigin(@Root() application: AsylumApplication): Country | null {
    return country(application.countryOfOriginCode);
  }
}
