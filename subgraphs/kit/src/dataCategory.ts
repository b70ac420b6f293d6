/**
 * The `@dataCategory` directive: every field a subgraph serves names the category of data it
 * discloses, so the gateway and the policies can decide on it (R10-1).
 */
import {
  DirectiveLocation,
  type FieldDefinitionNode,
  GraphQLDirective,
  GraphQLEnumType,
  GraphQLNonNull,
  Kind,
} from "graphql";
import { Directive } from "type-graphql";
import { DATA_CATEGORIES, DATA_CATEGORY_SPEC_URL, type DataCategory } from "@hub/contracts";

/** Classifies a field: `@Category("IDENTITY") @Field() familyName: string`. */
export function Category(category: DataCategory): MethodDecorator & PropertyDecorator {
  return Directive(`@dataCategory(category: ${category})`);
}

export const FEDERATION_IMPORTS = ["@key", "@shareable", "@composeDirective"] as const;

/** The `@dataCategory` directive and its enum, given to type-graphql so that SDL prints enum values. */
export const DataCategoryEnum = new GraphQLEnumType({
  name: "DataCategory",
  description: "Data categories; BIOMETRIC, ASYLUM, TRAFFICKING, HEALTH and CRIMINAL are special categories.",
  values: Object.fromEntries(DATA_CATEGORIES.map((c) => [c, { value: c }])),
});

export const dataCategoryDirective = new GraphQLDirective({
  name: "dataCategory",
  description: "The category of data a field discloses (see the hub's policy rules).",
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: { category: { type: new GraphQLNonNull(DataCategoryEnum) } },
});

/** Schema header every subgraph prepends to its SDL: Federation 2 links and the composed `@dataCategory`. */
export const SUBGRAPH_SDL_HEADER = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: [${FEDERATION_IMPORTS.map((d) => `"${d}"`).join(", ")}])
  @link(url: "${DATA_CATEGORY_SPEC_URL}", import: ["@dataCategory"])
  @composeDirective(name: "@dataCategory")
`;

/** The category a schema field is classified with (its `@dataCategory`), or null when it has none. */
export function categoryOf(field: { astNode?: FieldDefinitionNode | null | undefined }): string | null {
  const directive = field.astNode?.directives?.find((d) => d.name.value === "dataCategory");
  const argument = directive?.arguments?.find((a) => a.name.value === "category");
  return argument?.value.kind === Kind.ENUM ? argument.value.value : null;
}
