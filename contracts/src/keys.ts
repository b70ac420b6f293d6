/**
 * Keys that select persons or cases (R5-3), each with the format its values take. A key is a
 * value, not an argument's presence: a blank, wildcard or malformed value selects nothing and is
 * refused, at the gateway before planning and again in the subgraph that serves the list.
 */

/** One format per key argument name, as the agencies issue them (see the synthetic generator). */
export const KEY_FORMATS = {
  /** Pseudonymous hub reference: "PR" + 16 base32 characters. */
  personRef: /^PR[A-Z2-7]{16}$/,
  /** Travel document number (ICAO 9303 document number field: up to 9 letters and digits). */
  documentNumber: /^(?=[A-Z0-9]*[0-9])[A-Z0-9]{6,9}$/,
  /** National personal identification number: 10 digits. */
  nationalId: /^[1-9][0-9]{9}$/,
  /** Trafficking case: THB-<year>-<5 digits>. */
  caseId: /^THB-[0-9]{4}-[0-9]{5}$/,
  /** Asylum application: AS-<year>-<5 digits>. */
  applicationId: /^AS-[0-9]{4}-[0-9]{5}$/,
  /** Residence permit: RP-<year>-<6 digits>. */
  permitNumber: /^RP-[0-9]{4}-[0-9]{6}$/,
  /** Return decision: RD-<year>-<5 digits>. */
  decisionId: /^RD-[0-9]{4}-[0-9]{5}$/,
} as const;

export type KeyArgument = keyof typeof KEY_FORMATS;

/** A list argument of keys, and the key each element is. */
export const KEY_LIST_ARGUMENTS = { personRefs: "personRef" } as const satisfies Record<string, KeyArgument>;

/** Most keys a list argument may carry (the page cap of R5-3). */
export const MAX_KEYS_PER_LIST = 100;

export type KeyProblem = "blank" | "wildcard" | "malformed";

export type KeyCheck = { ok: true } | { ok: false; problem: KeyProblem; message: string };

const WILDCARD = /[*%?_\\[\]]|^\.\*$|^any$|^all$/i;

export function isKeyArgument(name: string): boolean {
  return Object.hasOwn(KEY_FORMATS, name) || Object.hasOwn(KEY_LIST_ARGUMENTS, name);
}

function checkOne(key: KeyArgument, label: string, value: unknown): KeyCheck {
  if (typeof value !== "string" || value.trim() === "") {
    return { ok: false, problem: "blank", message: `${label} is blank: a key must name one person or case.` };
  }
  if (KEY_FORMATS[key].test(value)) return { ok: true };
  // Wildcards are named as such so that the refusal says why, not only that the value is wrong.
  if (WILDCARD.test(value)) {
    return { ok: false, problem: "wildcard", message: `${label} is a wildcard: a key must name one person or case.` };
  }
  return { ok: false, problem: "malformed", message: `${label} is not a well-formed ${key}.` };
}

/**
 * Checks the value given to a key argument (after variables and defaults are applied). A value
 * of `undefined` or `null` means the argument was not given and is for the caller to judge.
 */
export function checkKey(argument: string, value: unknown): KeyCheck {
  if (Object.hasOwn(KEY_LIST_ARGUMENTS, argument)) {
    const key = KEY_LIST_ARGUMENTS[argument as keyof typeof KEY_LIST_ARGUMENTS];
    const values = Array.isArray(value) ? value : [value];
    if (values.length === 0) {
      return { ok: false, problem: "blank", message: `${argument} is empty: name at least one ${key}.` };
    }
    if (values.length > MAX_KEYS_PER_LIST) {
      return { ok: false, problem: "malformed", message: `${argument} names more than ${MAX_KEYS_PER_LIST} keys.` };
    }
    for (const [i, v] of values.entries()) {
      const check = checkOne(key, `${argument}[${i}]`, v);
      if (!check.ok) return check;
    }
    return { ok: true };
  }
  if (Object.hasOwn(KEY_FORMATS, argument)) return checkOne(argument as KeyArgument, argument, value);
  return { ok: false, problem: "malformed", message: `${argument} is not a key argument.` };
}
