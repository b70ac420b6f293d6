/** Whole numbers up to 2^53 - 1: chain positions and counts outgrow GraphQL's 32-bit Int. */
import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const check = (value: unknown): number => {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new GraphQLError(`SafeInt cannot represent ${String(value)}`, { extensions: { code: "BAD_USER_INPUT" } });
  }
  return value;
};

export const SafeInt = new GraphQLScalarType<number, number>({
  name: "SafeInt",
  description: "A whole number between -(2^53 - 1) and 2^53 - 1.",
  serialize: check,
  parseValue: check,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw new GraphQLError("SafeInt must be a whole number");
    return check(Number(ast.value));
  },
});
