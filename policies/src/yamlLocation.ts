/**
 * Where in a YAML file a problem is: the line of the node at a zod issue's path, so that a bad
 * agreement, regime table or policy test case is reported as `file:line: field: problem`.
 */
import type { Document, LineCounter } from "yaml";
import type { z } from "zod";

type Issue = z.core.$ZodIssue;

/** Line (1-based) of the node at `issuePath`, or of its nearest ancestor that exists. */
export function lineOf(doc: Document, counter: LineCounter, issuePath: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  for (const key of issuePath) {
    if (!node || typeof node !== "object" || !("get" in node)) break;
    const next = (node as { get: (k: unknown, keepScalar: boolean) => unknown }).get(key, true);
    if (next === undefined || next === null) break;
    node = next;
  }
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? counter.linePos(range[0]).line : 1;
}

/** The path of the offending node: an unknown key points at that key, not at its mapping. */
export function issuePath(issue: Issue): PropertyKey[] {
  if (issue.code === "unrecognized_keys" && issue.keys[0] !== undefined) return [...issue.path, issue.keys[0]];
  return [...issue.path];
}

/** The issue's own message; for a bad record key, the message of the check the key failed. */
export function issueMessage(issue: Issue): string {
  if (issue.code === "invalid_key") return issue.issues[0]?.message ?? issue.message;
  return issue.message;
}

/** `file:line: a.b.0: message` for the first issue of a failed parse. */
export function describeIssue(file: string, doc: Document, counter: LineCounter, issue: Issue | undefined): string {
  if (!issue) return `${file}:1: invalid`;
  const where = issuePath(issue);
  const field = issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ` : "";
  return `${file}:${lineOf(doc, counter, where)}: ${field}${issueMessage(issue)}`;
}
