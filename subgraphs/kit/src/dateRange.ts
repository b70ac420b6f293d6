/** A TypeORM condition for an optional `from`/`to` range of `YYYY-MM-DD` dates. */
import { GraphQLError } from "graphql";
import { Between, LessThanOrEqual, MoreThanOrEqual, type FindOperator } from "typeorm";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function dateRange(from?: string, to?: string): FindOperator<string> | undefined {
  for (const value of [from, to]) {
    if (value !== undefined && !DATE.test(value)) {
      throw new GraphQLError("Dates must be written YYYY-MM-DD", { extensions: { code: "BAD_USER_INPUT" } });
    }
  }
  if (from && to) return Between(from, to);
  if (from) return MoreThanOrEqual(from);
  if (to) return LessThanOrEqual(to);
  return undefined;
}
