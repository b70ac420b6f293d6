/**
 * Every place a caller can put a string into a root field of the supergraph: each argument of a
 * string-like type (String, ID, custom scalars) and each such field of an input object argument,
 * read from contracts/supergraph.graphql so that a new root field or argument is covered as soon
 * as it is composed. Each comes with an operation that puts the string there through a variable.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  buildASTSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  parse,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from "graphql";

export interface StringTarget {
  /** e.g. `Query.crossings(documentNumber:)` or `Query.auditEvents(filter.subject:)` */
  name: string;
  rootField: string;
  /** The graph that serves the root field (BORDER_POLICE, AUDIT, ...). */
  graph: string;
  /** The operation; the string goes in as `$v`. */
  query: string;
  /** The variables, given the string to put in. */
  variables: (value: string) => Record<string, unknown>;
}

const NON_STRING_SCALARS = new Set(["Int", "Float", "Boolean", "SafeInt"]);
const isStringLike = (type: GraphQLInputType) => {
  const named = getNamedType(type);
  return isScalarType(named) && !NON_STRING_SCALARS.has(named.name);
};

/** A harmless literal for a required argument the target is not about. */
function filler(type: GraphQLInputType): string {
  const inner = getNullableType(type);
  if (isListType(inner)) return `[${filler(inner.ofType)}]`;
  if (isEnumType(inner)) return inner.getValues()[0]?.name ?? "";
  if (isInputObjectType(inner)) return "{}";
  if (isScalarType(inner) && NON_STRING_SCALARS.has(inner.name)) return inner.name === "Boolean" ? "true" : "2024";
  return `"x"`;
}

const typeText = (type: GraphQLInputType): string => String(type);

/** Key arguments (`personRef`) given a real key, so that a field a rule lets through only by key reaches its database. */
export type KeyValues = Readonly<Record<string, string>>;

function operation(
  field: GraphQLField<unknown, unknown>,
  target: GraphQLArgument,
  variableType: string,
  keys: KeyValues,
): string {
  const literal = (arg: GraphQLArgument) => {
    const key = keys[arg.name];
    return key !== undefined && !isListType(getNullableType(arg.type)) ? JSON.stringify(key) : filler(arg.type);
  };
  const args = field.args
    .filter((arg) => arg === target || isNonNullType(arg.type) || keys[arg.name] !== undefined)
    .map((arg) => `${arg.name}: ${arg === target ? "$v" : literal(arg)}`);
  const selection = isCompositeType(getNamedType(field.type)) ? " { __typename }" : "";
  return `query Hostile($v: ${variableType}) { ${field.name}(${args.join(", ")})${selection} }`;
}

function graphOf(field: GraphQLField<unknown, unknown>): string {
  const join = field.astNode?.directives?.find((d) => d.name.value === "join__field");
  const graph = join?.arguments?.find((a) => a.name.value === "graph")?.value;
  return graph?.kind === Kind.ENUM ? graph.value : "";
}

export function stringTargets(
  keys: KeyValues = {},
  supergraphPath = path.resolve(__dirname, "../../contracts/supergraph.graphql"),
): readonly StringTarget[] {
  const schema = buildASTSchema(parse(readFileSync(supergraphPath, "utf8")), { assumeValidSDL: true });
  const targets: StringTarget[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const base = { rootField: field.name, graph: graphOf(field) };
      for (const arg of field.args) {
        const inner = getNullableType(arg.type);
        if (isStringLike(arg.type)) {
          const list = isListType(inner);
          targets.push({
            ...base,
            name: `${root?.name}.${field.name}(${arg.name}:)`,
            query: operation(field, arg, typeText(arg.type), keys),
            variables: (value) => ({ v: list ? [value] : value }),
          });
        } else if (isInputObjectType(inner)) {
          for (const input of Object.values(inner.getFields()).filter((f) => isStringLike(f.type))) {
            targets.push({
              ...base,
              name: `${root?.name}.${field.name}(${arg.name}.${input.name}:)`,
              query: operation(field, arg, typeText(arg.type), keys),
              variables: (value) => ({ v: { [input.name]: value } }),
            });
          }
        }
      }
    }
  }
  return targets;
}
