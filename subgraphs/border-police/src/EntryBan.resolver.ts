/** Entry bans of a person. */
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Category } from "@hub/kit";
import { EntryBan } from "./EntryBan.entity";
import type { Context } from "./loaders";
import { Person, person } from "./Person.type";
import { disclose } from "./recordRules";

@Resolver(() => EntryBan)
export class EntryBanResolver {
  @Category("CRIMINAL")
  @Query(() => [EntryBan], { description: "Entry bans issued to a person, most recent first." })
  async entryBans(@Arg("personRef", () => ID) personRef: string, @Ctx() ctx: Context): Promise<EntryBan[]> {
    return disclose(ctx, "EntryBan", await ctx.loaders.bansByPerson.load(personRef));
  }

  @Category("IDENTIFIER")
  @FieldResolver(() => Person)
  person(@Root() ban: EntryBan): Person | null {
    return person(ban.personRef);
  }
}
