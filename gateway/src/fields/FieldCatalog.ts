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
import { isDataCategory, type DataCategory } from "@hub/contracts";

export interface FieldInfo {
  category: DataCategory | null;
  /** Supergraph graph names (e.g. BORDER_POLICE) of the subgraphs that resolve the field. */
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
          .filter((g): g is string => g !== undefined);
        const [only] = [...categories];
        // Two subgraphs classifying one field differently is a contract defect: treat as unclassified.
        const category = categories.size === 1 && isDataCategory(only) ? only : null;
        catalog.set(fieldKey(typeName, field.name.value), { category, owners: [...new Set(owners)] });
      }
    }
  }
  return catalog;
}
