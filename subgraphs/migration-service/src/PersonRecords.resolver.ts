/**
 * What the State Migration Service holds about a Person: permits, asylum, returns, trafficking, and
 * flags. Each comes from other records than the person's own, so each is nullable: its failure must
 * not null a Person that also carries other agencies' fields (docs/decisions/0005).
 */
import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { Category, today } from "@hub/kit";
import { AsylumApplication } from "./AsylumApplication.entity";
import { PermitStatus, PROTECTION_OUTCOMES, TraffickingCaseStatus } from "./enums";
import type { Context } from "./loaders";
import { Person } from "./Person.entity";
import { disclose } from "./recordRules";
import { ResidencePermit } from "./ResidencePermit.entity";
import { ReturnDecision } from "./ReturnDecision.entity";
import { TraffickingCase } from "./TraffickingCase.entity";

@Resolver(() => Person)
export class PersonRecordsResolver {
  @Category("RESIDENCE")
  @FieldResolver(() => [ResidencePermit], { nullable: true, description: "Residence permits, most recent first." })
  async residencePermits(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ResidencePermit[]> {
    return disclose(ctx, "ResidencePermit", await ctx.loaders.permitsByPerson.load(person.personRef), info);
  }

  @Category("ASYLUM")
  @FieldResolver(() => [AsylumApplication], { nullable: true, description: "Asylum applications, most recent first." })
  async asylumApplications(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AsylumApplication[]> {
    return disclose(ctx, "AsylumApplication", await ctx.loaders.applicationsByPerson.load(person.personRef), info);
  }

  @Category("RESIDENCE")
  @FieldResolver(() => [ReturnDecision], { nullable: true, description: "Return decisions, most recent first." })
  async returnDecisions(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReturnDecision[]> {
    return disclose(ctx, "ReturnDecision", await ctx.loaders.returnsByPerson.load(person.personRef), info);
  }

  @Category("TRAFFICKING")
  @FieldResolver(() => [TraffickingCase], { nullable: true, description: "Trafficking cases, most recent first." })
  async traffickingCases(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TraffickingCase[]> {
    return disclose(ctx, "TraffickingCase", await ctx.loaders.casesByPerson.load(person.personRef), info);
  }

  // The flags below answer yes/no so that other agencies need not see the records behind them (R6-3).
  // They read every record the agency may still disclose, not only those this caller may see, and
  // ignore only records past retention (R5-4) and, for the protection flag, applications from the
  // caller's own country (R14-3).

  @Category("FLAG")
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: "Holds a residence permit valid today; discloses nothing else.",
  })
  async hasValidPermit(@Root() person: Person, @Ctx() ctx: Context): Promise<boolean> {
    const permits = ctx.guard.retained(await ctx.loaders.permitsByPerson.load(person.personRef));
    const now = today();
    return permits.some((p) => p.status === PermitStatus.VALID && p.validUntil >= now);
  }

  @Category("FLAG")
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: "Was granted refugee status, subsidiary protection or humanitarian status; discloses nothing else.",
  })
  async isProtectionHolder(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<boolean> {
    // Each application is decided with its country of origin too: to that country's authorities the
    // flag answers as if the application did not exist, without saying so, and the audit log is told (R14-3).
    const applications = ctx.guard.retained(
      await ctx.loaders.applicationsByPerson.load(person.personRef),
      (a) => ({ retainUntil: a.retainUntil, countryOfOrigin: a.countryOfOriginCode }),
      { info, type: "AsylumApplication" },
    );
    return applications.some((a) => PROTECTION_OUTCOMES.has(a.outcome));
  }

  @Category("FLAG")
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: "An open trafficking case whose reflection period runs today; discloses nothing else.",
  })
  async reflectionPeriodActive(@Root() person: Person, @Ctx() ctx: Context): Promise<boolean> {
    const cases = ctx.guard.retained(await ctx.loaders.casesByPerson.load(person.personRef));
    const now = today();
    return cases.some((c) => c.status === TraffickingCaseStatus.OPEN && c.reflectionPeriodUntil >= now);
  }
}
