/**
 * Where a subgraph's signed data sits in the client's answer. Apollo Gateway merges each fetch's
 * data at its fetch path: a root fetch's into the answer itself, an entity fetch's `_entities[i]`
 * into the i-th object found along the path (`@` is every list element, nulls skipped). Placing a
 * part checks that every value it signed is in the answer at that place, unchanged; the values
 * placed are the data it covers. One walk of the signed data: no per-field work beyond reading it.
 */

export type ResponsePath = readonly (string | number)[];

export type Placement = { ok: true; covered: ResponsePath[] } | { ok: false; at: ResponsePath; reason: string };

/** Fields that name a type, not a datum: Apollo adds them to join entities; no agency holds them. */
export const isTypeName = (key: string) => key === "__typename";

interface Target {
  value: Record<string, unknown>;
  at: (string | number)[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The objects at a fetch path, in the order Apollo collects them. */
function objectsAt(value: unknown, path: ResponsePath, at: (string | number)[], into: Target[]): void {
  if (value === null || value === undefined) return;
  if (path.length === 0) {
    if (isObject(value)) into.push({ value, at });
    return;
  }
  const [head, ...rest] = path;
  if (head === "@") {
    if (!Array.isArray(value)) return;
    value.forEach((element, i) => objectsAt(element, rest, [...at, i], into));
  } else if (isObject(value) && typeof head === "string" && Object.hasOwn(value, head)) {
    objectsAt(value[head], rest, [...at, head], into);
  }
}

type Walk = { ok: true } | { ok: false; at: ResponsePath; reason: string };

function matchValue(answer: unknown, signed: unknown, at: (string | number)[], covered: ResponsePath[]): Walk {
  if (signed === null || signed === undefined) {
    return answer === null || answer === undefined
      ? { ok: true }
      : { ok: false, at, reason: "is null in the signed data" };
  }
  if (Array.isArray(signed)) {
    if (!Array.isArray(answer) || answer.length !== signed.length) {
      return { ok: false, at, reason: `is not the signed list of ${signed.length}` };
    }
    if (signed.length === 0) covered.push(at);
    for (let i = 0; i < signed.length; i++) {
      const walk = matchValue(answer[i], signed[i], [...at, i], covered);
      if (!walk.ok) return walk;
    }
    return { ok: true };
  }
  if (typeof signed === "object") {
    if (!isObject(answer)) return { ok: false, at, reason: "is not the signed object" };
    for (const [key, value] of Object.entries(signed as Record<string, unknown>)) {
      if (isTypeName(key)) continue;
      if (!Object.hasOwn(answer, key))
        return { ok: false, at: [...at, key], reason: "is signed but not in the answer" };
      const walk = matchValue(answer[key], value, [...at, key], covered);
      if (!walk.ok) return walk;
    }
    return { ok: true };
  }
  if (answer !== signed) return { ok: false, at, reason: "differs from the signed value" };
  covered.push(at);
  return { ok: true };
}

/** Places one fetch's signed `data` in the answer's `data`. */
export function placePart(answer: unknown, path: ResponsePath, data: unknown): Placement {
  if (data === null || data === undefined) return { ok: true, covered: [] };
  const targets: Target[] = [];
  objectsAt(answer, path, [], targets);
  const covered: ResponsePath[] = [];
  const entities = isObject(data) && Array.isArray(data._entities) ? (data._entities as unknown[]) : undefined;
  if (entities) {
    if (entities.length !== targets.length) {
      return { ok: false, at: path, reason: `has ${targets.length} objects where ${entities.length} were signed` };
    }
    for (let i = 0; i < entities.length; i++) {
      const target = targets[i] as Target;
      // An entity the subgraph did not find adds nothing to the object the answer already has.
      if (entities[i] === null) continue;
      const walk = matchValue(target.value, entities[i], target.at, covered);
      if (!walk.ok) return walk;
    }
    return { ok: true, covered };
  }
  if (targets.length === 0) return { ok: false, at: path, reason: "is not in the answer" };
  for (const target of targets) {
    const walk = matchValue(target.value, data, target.at, covered);
    if (!walk.ok) return walk;
  }
  return { ok: true, covered };
}

/** The data of an answer: every value that is a datum (a non-null scalar or an empty list), with its path. */
export function dataLeaves(data: unknown): ResponsePath[] {
  const leaves: ResponsePath[] = [];
  const walk = (value: unknown, at: (string | number)[]) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      if (value.length === 0) leaves.push(at);
      value.forEach((v, i) => walk(v, [...at, i]));
    } else if (typeof value === "object") {
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        // The gateway's own answers (introspection at the root) and type names are no agency's data.
        if (isTypeName(key) || (at.length === 0 && key.startsWith("__"))) continue;
        walk(v, [...at, key]);
      }
    } else leaves.push(at);
  };
  walk(data, []);
  return leaves;
}

export const pathText = (path: ResponsePath) => (path.length === 0 ? "(root)" : path.join("."));
