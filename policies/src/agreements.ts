/**
 * Data-sharing agreements as data (contracts/agreements/*.yaml): read, validated against their
 * schema, and reported with file and line when wrong, so that a bad agreement fails the build.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isMap, LineCounter, parseAllDocuments, type Document } from "yaml";
import { z } from "zod";
import { AGENCIES, DATA_CATEGORIES, PURPOSES, SPECIAL_CATEGORIES } from "@hub/contracts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD");
const role = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, "must be a role name such as border-officer");
const special = z.enum(SPECIAL_CATEGORIES as [string, ...string[]]);

export const agreementSchema = z
  .object({
    id: z.string().regex(/^AGR-[A-Z0-9-]{2,60}$/, "must look like AGR-PROVIDER-CONSUMER-TOPIC"),
    title: z.string().min(3).max(200),
    provider: z.enum(AGENCIES),
    consumer: z.enum(AGENCIES),
    purposes: z.array(z.enum(PURPOSES)).min(1),
    roles: z.array(role).min(1),
    categories: z.array(z.enum(DATA_CATEGORIES)).refine((list) => list.every((c) => !SPECIAL_CATEGORIES.includes(c)), {
      message: "special categories belong under specialCategories, with the roles allowed",
    }),
    specialCategories: z.array(z.object({ category: special, roles: z.array(role).min(1) }).strict()).default([]),
    legalBasis: z.string().min(3).max(300),
    validFrom: isoDate,
    validTo: isoDate,
  })
  .strict()
  .refine((a) => a.validFrom <= a.validTo, { message: "validFrom must not be after validTo", path: ["validTo"] })
  .refine((a) => a.specialCategories.every((c) => c.roles.every((r) => a.roles.includes(r))), {
    message: "a special-category clause may only list roles the agreement names in roles",
    path: ["specialCategories"],
  });

export type Agreement = z.infer<typeof agreementSchema> & { file: string };

export class AgreementError extends Error {}

function lineOf(doc: Document, counter: LineCounter, issuePath: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  for (const key of issuePath) {
    if (!node || typeof node !== "object" || !("get" in node)) break;
    const next = (node as { get: (k: unknown, keepScalar: boolean) => unknown }).get(key, true);
    if (next === undefined) break;
    node = next;
  }
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? counter.linePos(range[0]).line : 1;
}

/** Reads every agreement under `dir`; throws one AgreementError naming file, line and problem. */
export function loadAgreements(dir: string): Agreement[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .sort();
  const agreements: Agreement[] = [];
  for (const name of files) {
    const file = path.join(dir, name);
    const counter = new LineCounter();
    const docs = parseAllDocuments(readFileSync(file, "utf8"), { lineCounter: counter, prettyErrors: false });
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      const syntax = doc.errors[0];
      if (syntax) {
        throw new AgreementError(`${file}:${counter.linePos(syntax.pos[0]).line}: ${syntax.message}`);
      }
      if (!isMap(doc.contents)) throw new AgreementError(`${file}:1: an agreement must be a mapping of fields`);
      const parsed = agreementSchema.safeParse(doc.toJS());
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path ?? [];
        const field = where.length > 0 ? `${where.join(".")}: ` : "";
        throw new AgreementError(`${file}:${lineOf(doc, counter, where)}: ${field}${issue?.message}`);
      }
      agreements.push({ ...parsed.data, file });
    }
  }
  const seen = new Set<string>();
  for (const a of agreements) {
    if (seen.has(a.id)) throw new AgreementError(`${a.file}: agreement id ${a.id} is used twice`);
    seen.add(a.id);
  }
  return agreements;
}
