/** The profile templates (reference data) and, for each, its indicators as it publishes them. */
import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Category } from "@hub/kit";
import { IndicatorDefinition } from "./IndicatorDefinition.entity";
import type { Context } from "./loaders";
import { asPublished } from "./profileStore";
import { ProfileTemplate } from "./ProfileTemplate.entity";

@Resolver(() => ProfileTemplate)
export class ProfileTemplateResolver {
  @Category("REFERENCE")
  @Query(() => [ProfileTemplate], { description: "The templates of the migration profile, by id." })
  profileTemplates(@Ctx() ctx: Context): Promise<ProfileTemplate[]> {
    return ctx.dataSource.getRepository(ProfileTemplate).find({ order: { id: "ASC" } });
  }

  @Category("REFERENCE")
  @FieldResolver(() => [IndicatorDefinition], {
    description: "The template's indicators in its order, each with the dimensions the template publishes.",
  })
  async indicators(@Root() template: ProfileTemplate, @Ctx() ctx: Context): Promise<IndicatorDefinition[]> {
    const entries = await ctx.loaders.templateIndicators.load(template.id);
    const definitions = await ctx.loaders.indicatorByCode.loadMany(entries.map((e) => e.indicatorCode));
    return entries.map((entry, i) => {
      const definition = definitions[i];
      // A foreign key holds every entry to a definition; failing beats a template with a hole in it.
      if (!(definition instanceof IndicatorDefinition)) {
        throw new Error(`template ${template.id} names ${entry.indicatorCode}, which has no definition`);
      }
      return asPublished(definition, entry.disaggregations);
    });
  }
}
