/**
 * Argument values that no subgraph can take, found at the gateway so that they are the caller's
 * input error (BAD_USER_INPUT, audited, before planning) rather than a subgraph's failure: a NUL
 * character, which PostgreSQL cannot store in text, and a custom scalar the supergraph passes
 * through opaquely but the subgraphs parse (DateTimeISO, with the subgraphs' own parser).
 */
import { DateTimeISOResolver } from "graphql-scalars";
import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  type GraphQLInputType,
  type GraphQLScalarType,
} from "graphql";

/** The subgraphs' parsers of the custom scalars they accept as input, by name. */
const SUBGRAPH_SCALARS: ReadonlyMap<string, GraphQLScalarType> = new Map([["DateTimeISO", DateTimeISOResolver]]);

/** What is wrong with a coerced argument value, or undefined when a subgraph can take it. */
export function inputProblem(type: GraphQLInputType, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const inner = getNullableType(type);
  if (isListType(inner)) {
    if (!Array.isArray(value)) return inputProblem(inner.ofType, value);
    for (const item of value) {
      const problem = inputProblem(inner.ofType, item);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isInputObjectType(inner)) {
    for (const field of Object.values(inner.getFields())) {
      const problem = inputProblem(field.type, (value as Record<string, unknown>)[field.name]);
      if (problem) return `${field.name}: ${problem}`;
    }
    return undefined;
  }
  if (isEnumType(inner)) return undefined;
  if (typeof value === "string" && value.includes("\u0000")) return "a NUL character (U+0000) is not accepted";
  const parser = SUBGRAPH_SCALARS.get(inner.name);
  if (!parser) return undefined;
  try {
    parser.parseValue(value);
    return undefined;
  } catch {
    return `not a valid ${inner.name}`;
  }
}
