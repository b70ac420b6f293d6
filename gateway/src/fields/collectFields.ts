/**
 * Lists every field an operation touches, through named fragments, inline fragments, aliases,
 * abstract types and nested entities, with the response path each one answers at.
 */
import {
  getNamedType,
  getNullableType,
  isListType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  typeFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { fieldKey, type FieldCatalog, type FieldInfo } from "./FieldCatalog";

export interface TouchedField extends FieldInfo {
  typeName: string;
  fieldName: string;
  /** Response path with aliases, e.g. `person.trips.crossingPoint.name`. */
  path: string;
  /** A field of the operation's root type (a query's entry point). */
  isRoot: boolean;
  /** The field returns a list. */
  isList: boolean;
  /** Arguments given a non-null value (a literal, or a variable whose value is not null). */
  givenArguments: string[];
}

export function collectFields(
  schema: GraphQLSchema,
  catalog: FieldCatalog,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): TouchedField[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const root = schema.getRootType(operation.operation);
  if (!root) return [];
  const touched: TouchedField[] = [];

  const visit = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType,
    path: string,
    seen: ReadonlySet<string>,
  ) => {
    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD: {
          const name = selection.name.value;
          if (name.startsWith("__")) continue; // __typename and introspection are not data
          const responseName = selection.alias?.value ?? name;
          const fieldPath = path ? `${path}.${responseName}` : responseName;
          const info = catalog.get(fieldKey(parent.name, name)) ?? { category: null, owners: [] };
          const fieldDef = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
          const givenArguments = (selection.arguments ?? [])
            .filter((arg) =>
              arg.value.kind === Kind.VARIABLE
                ? variables[arg.value.name.value] !== undefined && variables[arg.value.name.value] !== null
                : arg.value.kind !== Kind.NULL,
            )
            .map((arg) => arg.name.value);
          touched.push({
            typeName: parent.name,
            fieldName: name,
            path: fieldPath,
            ...info,
            isRoot: parent === root,
            isList: fieldDef ? isListType(getNullableType(fieldDef.type)) : false,
            givenArguments,
          });
          const child = fieldDef ? getNamedType(fieldDef.type) : undefined;
          if (selection.selectionSet && child && isCompositeType(child)) {
            visit(selection.selectionSet, child, fieldPath, seen);
          }
          break;
        }
        case Kind.INLINE_FRAGMENT: {
          const condition = selection.typeCondition ? typeFromAST(schema, selection.typeCondition) : parent;
          if (condition && isCompositeType(condition)) visit(selection.selectionSet, condition, path, seen);
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || seen.has(name)) continue;
          const condition = typeFromAST(schema, fragment.typeCondition);
          if (condition && isCompositeType(condition)) {
            visit(fragment.selectionSet, condition, path, new Set([...seen, name]));
          }
          break;
        }
      }
    }
  };
  visit(operation.selectionSet, root, "", new Set());
  return touched;
}
