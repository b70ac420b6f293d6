/**
 * What the Border Police adds to a federated Person: documents, crossings, refusals, bans, screenings.
 * Each is nullable: the Person may be served by another agency, and one refusal or failure here
 * must not take that agency's fields with it (docs/decisions/0005).
 */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from "type-graphql";
import { Category, pageSize, today } from "@hub/kit";
import { BorderCrossing } from "./BorderCrossing.entity";
import { DeporteeScreening } from "./DeporteeScreening.entity";
import { EntryBan } from "./EntryBan.entity";
import { EntryRefusal } from "./EntryRefusal.entity";
import type { Context } from "./loaders";
import { Person } from "./Person.type";
import { disclose } from "./recordRules";
import { TravelDocument } from "./TravelDocument.entity";

@Resolver(() => Person)
export class PersonResolver {
  @Category("TRAVEL")
  @FieldResolver(() => [BorderCrossing], { nullable: true, description: "Border crossings, most recent first." })
  async crossings(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) first?: number,
  ): Promise<BorderCrossing[]> {
    const limit = pageSize(first);
    const crossings = await ctx.loaders.crossingsByPerson.load(person.personRef);
    return (await disclose(ctx, "BorderCrossing", crossings, info)).slice(0, limit);
  }

  @Category("TRAVEL")
  @FieldResolver(() => [TravelDocument], { nullable: true })
  async travelDocuments(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TravelDocument[]> {
    return disclose(ctx, "TravelDocument", await ctx.loaders.documentsByPerson.load(person.personRef), info);
  }

  @Category("TRAVEL")
  @FieldResolver(() => [EntryRefusal], { nullable: true })
  async entryRefusals(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EntryRefusal[]> {
    return disclose(ctx, "EntryRefusal", await ctx.loaders.refusalsByPerson.load(person.personRef), info);
  }

  @Category("CRIMINAL")
  @FieldResolver(() => [EntryBan], { nullable: true })
  async entryBans(@Root() person: Person, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<EntryBan[]> {
    return disclose(ctx, "EntryBan", await ctx.loaders.bansByPerson.load(person.personRef), info);
  }

  @Category("FLAG")
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: "An entry ban is in force today; discloses nothing else.",
  })
  async hasActiveEntryBan(@Root() person: Person, @Ctx() ctx: Context): Promise<boolean> {
    // Counts every ban still within retention (R5-4), whether or not this caller may read bans.
    const bans = ctx.guard.retained(await ctx.loaders.bansByPerson.load(person.personRef));
    const now = today();
    return bans.some((ban) => ban.issuedOn <= now && ban.validUntil >= now);
  }

  @Category("TRAVEL")
  @FieldResolver(() => [DeporteeScreening], { nullable: true })
  async deporteeScreenings(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DeporteeScreening[]> {
    return disclose(ctx, "DeporteeScreening", await ctx.loaders.screeningsByPerson.load(person.personRef), info);
  }
}

/** A person the gateway asks this agency about: whatever fields follow are data about them (R9-1). */
export function resolvePersonReference(reference: Record<string, unknown>, ctx: Context): Person {
  const personRef = String(reference.personRef);
  ctx.guard.note(personRef);
  return { personRef };
}
