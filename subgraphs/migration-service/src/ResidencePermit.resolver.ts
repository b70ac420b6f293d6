/** Residence permits: look-up by number, search, and the permit holder. */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { FindOptionsWhere } from "typeorm";
import { Category, given, pageSize } from "@hub/kit";
import { PermitStatus } from "./enums";
import type { Context } from "./loaders";
import { Person } from "./Person.entity";
import { disclose, discloseOne } from "./recordRules";
import { ResidencePermit } from "./ResidencePermit.entity";

@Resolver(() => ResidencePermit)
export class ResidencePermitResolver {
  @Category("RESIDENCE")
  @Query(() => ResidencePermit, { nullable: true })
  async residencePermit(
    @Arg("permitNumber") permitNumber: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ResidencePermit | null> {
    return discloseOne(ctx, "ResidencePermit", await ctx.loaders.permitByNumber.load(permitNumber), info);
  }

  @Category("RESIDENCE")
  @Query(() => [ResidencePermit], {
    nullable: true,
    description: "Residence permits of a person, most recent first; null when refused.",
  })
  async residencePermits(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("personRef", () => ID, { nullable: true }) personRef?: string,
    @Arg("status", () => PermitStatus, { nullable: true }) status?: PermitStatus,
    @Arg("first", () => Int, { nullable: true }) first?: number,
  ): Promise<ResidencePermit[]> {
    const where: FindOptionsWhere<ResidencePermit> = {};
    if (given(personRef)) where.personRef = personRef;
    if (given(status)) where.status = status;
    const permits = await ctx.dataSource
      .getRepository(ResidencePermit)
      .find({ where, order: { issuedOn: "DESC", permitNumber: "ASC" }, take: pageSize(first) });
    return disclose(ctx, "ResidencePermit", permits, info);
  }

  @Category("IDENTIFIER")
  @FieldResolver(() => Person, {
    nullable: true,
    description: "The permit holder; null when that person's record is withheld.",
  })
  async person(
    @Root() permit: ResidencePermit,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Person | null> {
    return discloseOne(ctx, "Person", await ctx.loaders.personByRef.load(permit.personRef), info);
  }
}
