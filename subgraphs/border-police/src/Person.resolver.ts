/** What the Border Police adds to a federated Person: documents, crossings, refusals, bans, screenings. */
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
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
  @FieldResolver(() => [BorderCrossing], { description: "Border crossings, most recent first." })
  async crossings(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true }) first?: number,
  ): Promise<BorderCrossing[]> {
    const limit = pageSize(first);
    const crossings = await ctx.loaders.crossingsByPerson.load(person.personRef);
    return (await disclose(ctx, "BorderCrossing", crossings)).slice(0, limit);
  }

  @Category("TRAVEL")
  @FieldResolver(() => [TravelDocument])
  async travelDocuments(@Root() person: Person, @Ctx() ctx: Context): Promise<TravelDocument[]> {
    return disclose(ctx, "TravelDocument", await ctx.loaders.documentsByPerson.load(person.personRef));
  }

  @Category("TRAVEL")
  @FieldResolver(() => [EntryRefusal])
  async entryRefusals(@Root() person: Person, @Ctx() ctx: Context): Promise<EntryRefusal[]> {
    return disclose(ctx, "EntryRefusal", await ctx.loaders.refusalsByPerson.load(person.personRef));
  }

  @Category("CRIMINAL")
  @FieldResolver(() => [EntryBan])
  async entryBans(@Root() person: Person, @Ctx() ctx: Context): Promise<EntryBan[]> {
    return disclose(ctx, "EntryBan", await ctx.loaders.bansByPerson.load(person.personRef));
  }

  @Category("FLAG")
  @FieldResolver(() => Boolean, { description: "An entry ban is in force today; discloses nothing else." })
  async hasActiveEntryBan(@Root() person: Person, @Ctx() ctx: Context): Promise<boolean> {
    // Counts every ban still within retention (R5-4), whether or not this caller may read bans.
    const bans = ctx.guard.retained(await ctx.loaders.bansByPerson.load(person.personRef));
    const now = today();
    return bans.some((ban) => ban.issuedOn <= now && ban.validUntil >= now);
  }

  @Category("TRAVEL")
  @FieldResolver(() => [DeporteeScreening])
  async deporteeScreenings(@Root() person: Person, @Ctx() ctx: Context): Promise<DeporteeScreening[]> {
    return disclose(ctx, "DeporteeScreening", await ctx.loaders.screeningsByPerson.load(person.personRef));
  }
}

/** A person the gateway asks this agency about: whatever fields follow are data about them (R9-1). */
export function resolvePersonReference(reference: Record<string, unknown>, ctx: Context): Person {
  const personRef = String(reference.personRef);
  ctx.guard.note(personRef);
  return { personRef };
}
