/** Entry bans of a person. */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { Category } from "@hub/kit";
import { EntryBan } from "./EntryBan.entity";
import type { Context } from "./loaders";
import { Person, person } from "./Person.type";
import { disclose } from "./recordRules";

@Resolver(() => EntryBan)
export class EntryBanResolver {
  @Category("CRIMINAL")
  @Query(() => [EntryBan], {
    nullable: true,
    description: "Entry bans issued to a person, most recent first; null when refused.",
  })
  async entryBans(
    @Arg("personRef", () => ID) personRef: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EntryBan[]> {
    return disclose(ctx, "EntryBan", await ctx.loaders.bansByPerson.load(personRef), info);
  }

  @Category("IDENTIFIER")
  @FieldResolver(() => Person, { nullable: true, description: "The person banned; null when withheld." })
  person(@Root() ban: EntryBan): Person | null {
    return person(ban.personRef);
  }
}
