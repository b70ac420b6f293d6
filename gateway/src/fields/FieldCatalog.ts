/**
 * What the supergraph says about each field: its data category (`@dataCategory`) and the
 * subgraphs that serve it (`@join__field` / `@join__type`). Read from the supergraph's SDL, so
 * the gateway knows subgraphs only through contracts/.
 */
import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type ObjectTypeDefinitionNode,
  type InterfaceTypeDefinitionNode,
} from "graphql";
import { isDataCategory, SUBGRAPHS, type DataCategory } from "@hub/contracts";

/** The agency behind each supergraph graph name (`border-police` composes as BORDER_POLICE). */
const AGENCY_OF_GRAPH = new Map<string, string>(
  Object.entries(SUBGRAPHS).map(([name, agency]) => [name.toUpperCase().replace(/-/g, "_"), agency]),
);

export interface FieldInfo {
  category: DataCategory | null;
  /** Agencies whose subgraphs resolve the field (a graph not in the contracts keeps its name, and is denied). */
  owners: string[];
}

export type FieldCatalog = ReadonlyMap<string, FieldInfo>;

export const fieldKey = (typeName: string, fieldName: string) => `${typeName}.${fieldName}`;

const enumArg = (directive: ConstDirectiveNode, name: string): string | undefined => {
  const arg = directive.arguments?.find((a) => a.name.value === name);
  return arg?.value.kind === Kind.ENUM ? arg.value.value : undefined;
};

export function buildFieldCatalog(supergraphSdl: string): FieldCatalog {
  const catalog = new Map<string, FieldInfo>();
  const types = new Map<string, (ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode)[]>();
  for (const def of parse(supergraphSdl).definitions) {
    if (
      def.kind === Kind.OBJECT_TYPE_DEFINITION ||
      def.kind === Kind.INTERFACE_TYPE_DEFINITION ||
      def.kind === Kind.OBJECT_TYPE_EXTENSION
    ) {
      const list = types.get(def.name.value) ?? [];
      list.push(def as ObjectTypeDefinitionNode);
      types.set(def.name.value, list);
    }
  }
  for (const [typeName, defs] of types) {
    const typeOwners = defs.flatMap((d) => d.directives ?? []).filter((d) => d.name.value === "join__type");
    for (const def of defs) {
      for (const field of def.fields ?? []) {
        const directives = field.directives ?? [];
        const categories = new Set(
          directives.filter((d) => d.name.value === "dataCategory").map((d) => enumArg(d, "category")),
        );
        const fieldOwners = directives.filter((d) => d.name.value === "join__field");
        const owners = (fieldOwners.length > 0 ? fieldOwners : typeOwners)
          .map((d) => enumArg(d, "graph"))
          .filter((g): g is string => g !== undefined)
          .map((g) => AGENCY_OF_GRAPH.get(g) ?? g);
        const [only] = [...categories];
        // Two subgraphs classifying one field differently is a contract defect: treat as unclassified.
        const category = categories.size === 1 && isDataCategory(only) ? only : null;
        catalog.set(fieldKey(typeName, field.name.value), { category, owners: [...new Set(owners)] });
      }
    }
  }
  return catalog;
}
