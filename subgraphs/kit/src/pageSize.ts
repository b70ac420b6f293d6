/** Bounds the size of every list a subgraph returns; an out-of-range request is the caller's error. */
import { GraphQLError } from "graphql";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | undefined | null): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new GraphQLError(`first must be between 1 and ${MAX_PAGE_SIZE}`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return first;
}
