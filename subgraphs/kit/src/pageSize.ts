/** Bounds the size of every list a subgraph returns; an out-of-range request is the caller's error. */
import { GraphQLError } from "graphql";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export interface PageBounds {
  default: number;
  max: number;
}

export function pageSize(
  first: number | undefined | null,
  bounds: PageBounds = { default: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE },
): number {
  if (first === undefined || first === null) return bounds.default;
  if (!Number.isInteger(first) || first < 1 || first > bounds.max) {
    throw new GraphQLError(`first must be between 1 and ${bounds.max}`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return first;
}
