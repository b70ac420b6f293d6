/**
 * Data-sharing agreements as data (contracts/agreements/*.yaml): read, validated against their
 * schema, and reported with file and line when wrong, so that a bad agreement fails the build.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isMap, LineCounter, parseAllDocuments } from "yaml";
import { z } from "zod";
import {
  AGENCIES,
  countryOfAuthority,
  DATA_CATEGORIES,
  describeIssue,
  foreignAuthorityIdSchema,
  lineOf,
  PURPOSES,
  SPECIAL_CATEGORIES,
  type Agency,
  type ForeignAuthorityId,
} from "@hub/contracts";

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  // A date Cedar's datetime() cannot read would make every decision fail (closed) at run time.
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: "is not a calendar date",
    },
  );
const role = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, "must be a role name such as border-officer");
const special = z.enum(SPECIAL_CATEGORIES as [string, ...string[]]);

const countryCode = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code");

/**
 * A recipient outside the hub's country (R14-2): the authority, its country and its name as the
 * agreement states it. The id carries the country as its prefix, so a token of that authority is
 * necessarily a token of that country.
 */
export const foreignConsumerSchema = z
  .object({
    country: countryCode,
    authority: foreignAuthorityIdSchema,
    name: z.string().min(3).max(200),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (countryOfAuthority(c.authority) !== c.country) {
      ctx.addIssue({
        code: "custom",
        path: ["authority"],
        message: `a foreign authority's id begins with its country: ${c.country}-...`,
      });
    }
  });
export type ForeignConsumer = z.infer<typeof foreignConsumerSchema>;

/**
 * A signatory's acknowledgment that a change of the agreement widens access (the CI check of
 * `npm run policies -- impact --check-agreements`). It lists every widening it covers, in the words
 * the check prints (`BORDER_CHECK border-officer RESIDENCE`, `validTo 2031-12-31`), and counts only
 * in the change that adds or alters it: an acknowledgment left over from an earlier change covers
 * nothing new.
 */
export const acknowledgedWideningSchema = z
  .object({
    /** Who acknowledged: a name and function an auditor can find. */
    by: z.string().trim().min(3).max(200),
    date: isoDate,
    /** The signed amendment, decision or ticket the widening rests on. */
    reference: z.string().trim().min(3).max(300),
    widens: z
      .array(z.string().regex(/^[A-Za-z0-9_.:-]+( [A-Za-z0-9_.:-]+){1,3}$/, "must be a widening as the check names it"))
      .min(1)
      .max(500),
  })
  .strict();
export type AcknowledgedWidening = z.infer<typeof acknowledgedWideningSchema>;

export const agreementSchema = z
  .object({
    id: z.string().regex(/^AGR-[A-Z0-9-]{2,60}$/, "must look like AGR-PROVIDER-CONSUMER-TOPIC"),
    title: z.string().min(3).max(200),
    provider: z.enum(AGENCIES),
    /** A domestic agency (by its name) or a foreign authority (country, authority id and name). */
    consumer: z.union([z.enum(AGENCIES), foreignConsumerSchema]),
    purposes: z.array(z.enum(PURPOSES)).min(1),
    roles: z.array(role).min(1),
    categories: z.array(z.enum(DATA_CATEGORIES)),
    specialCategories: z.array(z.object({ category: special, roles: z.array(role).min(1) }).strict()).default([]),
    legalBasis: z.string().min(3).max(300),
    validFrom: isoDate,
    validTo: isoDate,
    /** Optional, so that the agreements without one keep their content, and the policy version its hash. */
    acknowledgedWidening: acknowledgedWideningSchema.optional(),
  })
  .strict()
  // Each problem points at the offending item, so that the error names its line.
  .superRefine((a, ctx) => {
    a.categories.forEach((category, i) => {
      if (SPECIAL_CATEGORIES.includes(category)) {
        ctx.addIssue({
          code: "custom",
          path: ["categories", i],
          message: `${category} is a special category: list it under specialCategories, with the roles allowed`,
        });
      }
    });
    a.specialCategories.forEach((clause, i) => {
      clause.roles.forEach((r, j) => {
        if (!a.roles.includes(r)) {
          ctx.addIssue({
            code: "custom",
            path: ["specialCategories", i, "roles", j],
            message: `role ${r} is not among the agreement's roles (${a.roles.join(", ")})`,
          });
        }
      });
    });
    if (a.validFrom > a.validTo) {
      ctx.addIssue({ code: "custom", path: ["validTo"], message: "validFrom must not be after validTo" });
    }
  });

export type Agreement = z.infer<typeof agreementSchema> & { file: string };

/** The body an agreement grants to: the domestic agency, or the foreign authority's id. */
export const consumerId = (a: Pick<Agreement, "consumer">): Agency | ForeignAuthorityId =>
  typeof a.consumer === "string" ? a.consumer : a.consumer.authority;

export class AgreementError extends Error {}

export interface LoadAgreementsOptions {
  /**
   * The hub's country, when known: a foreign consumer of that country is refused at load, since a
   * body of the hub's own country is a domestic agency and named as one.
   */
  hubCountry?: string;
}

/** Reads every agreement under `dir`; throws one AgreementError naming file, line and problem. */
export function loadAgreements(dir: string, options: LoadAgreementsOptions = {}): Agreement[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .sort();
  const agreements: Agreement[] = [];
  const firstSeen = new Map<string, string>();
  for (const name of files) {
    const file = path.join(dir, name);
    const counter = new LineCounter();
    const docs = parseAllDocuments(readFileSync(file, "utf8"), { lineCounter: counter, prettyErrors: false });
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      const syntax = doc.errors[0];
      if (syntax) {
        throw new AgreementError(`${file}:${counter.linePos(syntax.pos[0]).line}: ${syntax.message}`);
      }
      if (!isMap(doc.contents)) {
        throw new AgreementError(`${file}:${lineOf(doc, counter, [])}: an agreement must be a mapping of fields`);
      }
      const parsed = agreementSchema.safeParse(doc.toJS());
      if (!parsed.success) throw new AgreementError(describeIssue(file, doc, counter, parsed.error.issues[0]));
      const { consumer } = parsed.data;
      if (typeof consumer !== "string" && consumer.country === options.hubCountry) {
        throw new AgreementError(
          `${file}:${lineOf(doc, counter, ["consumer", "country"])}: consumer.country: ${consumer.country} is the hub's own country; a domestic recipient is named by its agency`,
        );
      }
      const where = `${file}:${lineOf(doc, counter, ["id"])}`;
      const first = firstSeen.get(parsed.data.id);
      if (first) throw new AgreementError(`${where}: id: ${parsed.data.id} is already used at ${first}`);
      firstSeen.set(parsed.data.id, where);
      agreements.push({ ...parsed.data, file });
    }
  }
  return agreements;
}
