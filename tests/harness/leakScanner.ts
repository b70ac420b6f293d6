/**
 * Finds personal values and tokens in log text: every name, national id, personRef and record
 * number of the seeded synthetic world, anything shaped like a personRef, and anything shaped like
 * a JWT. Values are compared word by word (letters and digits, case folded), so a value is found
 * whatever JSON escaping or punctuation surrounds it, and one Set look-up per word keeps a scan of
 * the whole suite's logs fast.
 */
import type { SyntheticWorld } from "@hub/synthetic";

export type LeakKind = "name" | "personRef" | "nationalId" | "document" | "record" | "jwt";

export interface Leak {
  kind: LeakKind;
  /** The value found, masked but for its first characters (enough to look it up). */
  sample: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Three base64url segments, the first two starting `eyJ` (a JSON object): a JWS compact serialisation. */
const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{2,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;
/** "PR" and 16 base32 characters (personRefFor), seeded or not: a key argument is personal. */
const PERSON_REF_SHAPE = /(?<![A-Za-z0-9])PR[A-Z2-7]{16}(?![A-Za-z0-9])/g;

const wordsOf = (text: string): string[] => (text.match(WORD) ?? []).map((w) => w.toLowerCase());
const mask = (value: string) => `${value.slice(0, 3)}${"*".repeat(Math.max(0, value.length - 3))}`;

export interface LeakScanner {
  scan: (text: string) => Leak[];
  /** How many distinct values it looks for (a scanner with none would pass vacuously). */
  size: number;
}

export function createLeakScanner(world: SyntheticWorld): LeakScanner {
  const values = new Map<string, LeakKind>();
  let longest = 1;
  const add = (value: string | null | undefined, kind: LeakKind) => {
    if (!value) return;
    const words = wordsOf(value);
    if (words.length === 0) return;
    longest = Math.max(longest, words.length);
    values.set(words.join(" "), kind);
  };
  for (const p of world.persons) {
    add(p.familyName, "name");
    add(p.givenName, "name");
    add(p.nationalId, "nationalId");
    add(p.personRef, "personRef");
  }
  for (const d of world.travelDocuments) add(d.documentNumber, "document");
  for (const r of world.residencePermits) add(r.permitNumber, "document");
  for (const a of world.asylumApplications) add(a.applicationId, "record");
  for (const r of world.returnDecisions) add(r.decisionId, "record");
  for (const c of world.traffickingCases) add(c.caseId, "record");
  for (const h of world.survey.households) {
    add(h.householdId, "record");
    for (const m of h.members) add(m.memberId, "record");
  }

  const scan = (text: string): Leak[] => {
    const leaks: Leak[] = [];
    for (const match of text.matchAll(JWT_SHAPE)) leaks.push({ kind: "jwt", sample: mask(match[0]) });
    for (const match of text.matchAll(PERSON_REF_SHAPE)) leaks.push({ kind: "personRef", sample: mask(match[0]) });
    const words = wordsOf(text);
    for (let i = 0; i < words.length; i++) {
      let phrase = "";
      for (let n = 0; n < longest && i + n < words.length; n++) {
        phrase = n === 0 ? (words[i] ?? "") : `${phrase} ${words[i + n] ?? ""}`;
        const kind = values.get(phrase);
        if (kind) leaks.push({ kind, sample: mask(phrase) });
      }
    }
    return leaks;
  };
  return { scan, size: values.size };
}
