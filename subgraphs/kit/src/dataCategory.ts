/**
 * The `@dataCategory` directive: every field a subgraph serves names the category of data it
 * discloses, so the gateway and the policies can decide on it (R10-1).
 */
import { Directive } from "type-graphql";
import { DATA_CATEGORIES, DATA_CATEGORY_SPEC_URL, type DataCategory } from "@hub/contracts";

/** Classifies a field: `@Category("IDENTITY") @Field() familyName: string`. */
export function Category(category: DataCategory): MethodDecorator & PropertyDecorator {
  return Directive(`@dataCategory(category: ${category})`);
}

export const FEDERATION_IMPORTS = ["@key", "@shareable", "@composeDirective"] as const;

/**
 * Schema header every subgraph prepends to its SDL: Federation 2 links, the composed
 * `@dataCategory` directive and the enum of categories it takes.
 */
export const SUBGRAPH_SDL_HEADER = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: [${FEDERATION_IMPORTS.map((d) => `"${d}"`).join(", ")}])
  @link(url: "${DATA_CATEGORY_SPEC_URL}", import: ["@dataCategory"])
  @composeDirective(name: "@dataCategory")

"""The category of data a field discloses (see the hub's policy rules)."""
directive @dataCategory(category: DataCategory!) on FIELD_DEFINITION

"""Data categories; BIOMETRIC, ASYLUM, TRAFFICKING, HEALTH and CRIMINAL are special categories."""
enum DataCategory {
${DATA_CATEGORIES.map((c) => `  ${c}`).join("\n")}
}
`;
