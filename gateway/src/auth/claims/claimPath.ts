/** Reading a claim path (ClaimPath) in a token payload, and naming it in messages. */
import type { ClaimPath, ClaimRule } from "./ClaimMapping";

/** Deepest path followed: claims nest a level or three in practice; the bound keeps hostile input cheap. */
export const MAX_PATH_SEGMENTS = 8;

export type PathValue = { kind: "absent" } | { kind: "present"; value: unknown } | { kind: "ambiguous" };

const ABSENT: PathValue = { kind: "absent" };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * An own data property, read through its descriptor: no getter runs, and `__proto__` or
 * `constructor` are found only when the token itself has a claim of that name.
 */
function own(value: unknown, key: string): unknown {
  if (!isPlainObject(value)) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(value, key);
  return descriptor && "value" in descriptor ? descriptor.value : undefined;
}

function walk(payload: unknown, segments: readonly string[]): unknown {
  if (segments.length === 0 || segments.length > MAX_PATH_SEGMENTS) return undefined;
  let current = payload;
  for (const segment of segments) {
    current = own(current, segment);
    if (current === undefined) return undefined;
  }
  return current;
}

/** JSON null is a claim without a value: absent, so that the next alternative is tried. */
const found = (value: unknown): PathValue =>
  value === undefined || value === null ? ABSENT : { kind: "present", value };

export function readPath(payload: unknown, path: ClaimPath): PathValue {
  if (typeof path !== "string") return found(walk(payload, path));
  const literal = found(own(payload, path));
  const segments = path.split(".");
  if (segments.length < 2 || segments.some((s) => s === "")) return literal;
  const nested = found(walk(payload, segments));
  if (literal.kind === "present" && nested.kind === "present") return { kind: "ambiguous" };
  return literal.kind === "present" ? literal : nested;
}

/** The alternatives of a rule's `claim`, in order: a string is one path, an array lists them. */
export function alternativesOf(claim: ClaimRule["claim"]): readonly ClaimPath[] {
  if (claim === undefined) return [];
  return typeof claim === "string" ? [claim] : claim;
}

const nameOf = (path: ClaimPath): string =>
  typeof path === "string" ? JSON.stringify(path) : path.length === 1 ? JSON.stringify(path[0]) : JSON.stringify(path);

/** How a message names where a value was (or would have been) read. */
export function describePaths(paths: readonly ClaimPath[]): string {
  if (paths.length === 0) return "no claim configured";
  return `claim ${paths.map(nameOf).join(" or ")}`;
}

export const CONSTANT_SOURCE = "a configured constant";
