/**
 * Where in a YAML file a problem is: the line of the node at a zod issue's path, so that a bad
 * agreement, regime table or policy test case is reported as `file:line: field: problem`.
 */
import { isMap, isScalar, type Document, type LineCounter } from "yaml";
import type { z } from "zod";

type Issue = z.core.$ZodIssue;

/** Line (1-based) of the node at `issuePath`, or of its nearest ancestor that exists. */
export function lineOf(doc: Document, counter: LineCounter, issuePath: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  // A mapping's entry is located at its key, since its value may be a block starting a line later;
  // a missing entry at the key of the mapping that lacks it.
  let at: unknown = node;
  for (const key of issuePath) {
    if (!node || typeof node !== "object" || !("get" in node)) break;
    const pair = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    const next = (node as { get: (k: unknown, keepScalar: boolean) => unknown }).get(key, true);
    if (next === undefined || next === null) {
      if (pair) at = pair.key;
      break;
    }
    node = next;
    at = pair && !isScalar(next) ? pair.key : next;
  }
  const range = (at as { range?: [number, number, number] } | null)?.range;
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

/**
 * For a value that may take one of several shapes (an agreement's consumer: an agency name or a
 * foreign authority), the issue of the shape the value was meant to have: the branch that got
 * furthest into the value, or else the one not refused for its type.
 */
function unwrapUnion(issue: Issue): Issue {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return issue;
  const firsts = issue.errors.flatMap((branch) => (branch[0] ? [branch[0]] : []));
  const chosen =
    [...firsts].sort((a, b) => b.path.length - a.path.length).find((i) => i.path.length > 0) ??
    firsts.find((i) => i.code !== "invalid_type") ??
    firsts[0];
  return chosen ? unwrapUnion({ ...chosen, path: [...issue.path, ...chosen.path] } as Issue) : issue;
}

/** `file:line: a.b.0: message` for the first issue of a failed parse. */
export function describeIssue(file: string, doc: Document, counter: LineCounter, found: Issue | undefined): string {
  if (!found) return `${file}:1: invalid`;
  const issue = unwrapUnion(found);
  const where = issuePath(issue);
  const field = issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ` : "";
  return `${file}:${lineOf(doc, counter, where)}: ${field}${issueMessage(issue)}`;
}
