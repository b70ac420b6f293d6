/**
 * The shape of the profile definitions (contracts/profiles): indicator definitions and the
 * templates that pick from them. Every rule that relates one field to another or to the source
 * contract is a refinement at the offending item's path, so that a mistake is reported at its line.
 */
import { z } from "zod";
import { AGENCIES, DATA_CATEGORIES } from "../vocabulary";
import { isSourceIndicatorCode, SOURCE_INDICATORS } from "./sourceIndicators";
import {
  DISCLOSURE_REGIMES,
  STATISTICAL_DIMENSIONS,
  STATISTICAL_UNITS,
  TOTAL,
  type StatisticalDimension,
} from "./statisticalCodes";

const code = z.string().regex(/^[A-Z][A-Z0-9_]{1,60}$/, "must be an upper-case code such as FIRST_PERMITS");
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

/** A list of dimensions, each once, SEX among them: profiles are gender-mainstreamed. */
const disaggregations = z
  .array(z.enum(STATISTICAL_DIMENSIONS))
  .min(1)
  .superRefine((dims, ctx) => {
    dims.forEach((d, i) => {
      if (dims.indexOf(d) !== i) ctx.addIssue({ code: "custom", path: [i], message: `${d} is listed twice` });
    });
    if (!dims.includes("SEX")) {
      ctx.addIssue({ code: "custom", message: "must include SEX: every figure of a profile is published by sex" });
    }
  });

const breakdownCode = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9_]{0,40}$/, "must be an upper-case code")
  .refine((c) => c !== TOTAL, `${TOTAL} is the total of every dimension, not a code of its own`);

export const indicatorDefinitionSchema = z
  .object({
    code,
    name: text(3, 120),
    description: text(20, 1000),
    unit: z.enum(STATISTICAL_UNITS),
    sourceAgency: z.enum(AGENCIES),
    sourceIndicator: z.string(),
    subjectCategory: z.enum(DATA_CATEGORIES),
    regime: z.enum(DISCLOSURE_REGIMES),
    disaggregations,
    /** The indicator's own classification; present exactly when BREAKDOWN is a disaggregation. */
    breakdown: z
      .object({
        name: text(3, 120),
        codes: z.record(breakdownCode, text(1, 200)).refine((c) => Object.keys(c).length > 0, "must list codes"),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (!isSourceIndicatorCode(d.sourceIndicator)) {
      ctx.addIssue({
        code: "custom",
        path: ["sourceIndicator"],
        message: `${d.sourceIndicator} is not a source indicator of the contract (${Object.keys(SOURCE_INDICATORS).join(", ")})`,
      });
      return;
    }
    const source = SOURCE_INDICATORS[d.sourceIndicator];
    if (d.sourceAgency !== source.agency) {
      ctx.addIssue({
        code: "custom",
        path: ["sourceAgency"],
        message: `${d.sourceIndicator} is served by ${source.agency}, not ${d.sourceAgency}`,
      });
    }
    if (d.regime !== source.regime) {
      ctx.addIssue({
        code: "custom",
        path: ["regime"],
        message: `${d.sourceIndicator} is protected under the ${source.regime} regime at source, not ${d.regime}`,
      });
    }
    const offered: Record<StatisticalDimension, boolean> = {
      SEX: true,
      AGE: true,
      CITIZENSHIP: true,
      MONTH: true,
      REGION: source.region,
      BREAKDOWN: source.breakdown,
    };
    d.disaggregations.forEach((dim, i) => {
      if (!offered[dim]) {
        ctx.addIssue({
          code: "custom",
          path: ["disaggregations", i],
          message: `${d.sourceIndicator} has no ${dim} at source`,
        });
      }
    });
    if (d.disaggregations.includes("BREAKDOWN") !== (d.breakdown !== undefined)) {
      ctx.addIssue({
        code: "custom",
        path: d.breakdown ? ["breakdown"] : ["disaggregations"],
        message: "an indicator broken down by BREAKDOWN lists its classification under breakdown, and only then",
      });
    }
  });

export const indicatorFileSchema = z
  .object({ indicators: z.array(indicatorDefinitionSchema).min(1) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.indicators.forEach((d, i) => {
      if (seen.has(d.code)) {
        ctx.addIssue({ code: "custom", path: ["indicators", i, "code"], message: `${d.code} is defined twice` });
      }
      seen.add(d.code);
    });
  });
export type IndicatorDefinitionData = z.infer<typeof indicatorDefinitionSchema>;

/** A template's schema, given the indicator definitions its codes must name. */
export function templateSchema(definitions: ReadonlyMap<string, IndicatorDefinitionData>) {
  return z
    .object({
      id: z.string().regex(/^[A-Z][A-Z0-9_]{2,60}$/, "must be an upper-case id such as NATIONAL_EXTENDED"),
      title: text(3, 200),
      description: text(20, 2000),
      /** The act that adopted the template, or null where none did. */
      adoptedBy: text(3, 300).nullable(),
      indicators: z.array(z.object({ code, disaggregations }).strict()).min(1),
    })
    .strict()
    .superRefine((t, ctx) => {
      const seen = new Set<string>();
      t.indicators.forEach((entry, i) => {
        const definition = definitions.get(entry.code);
        if (!definition) {
          ctx.addIssue({
            code: "custom",
            path: ["indicators", i, "code"],
            message: `${entry.code} is not an indicator of indicators.yaml`,
          });
          return;
        }
        if (seen.has(entry.code)) {
          ctx.addIssue({ code: "custom", path: ["indicators", i, "code"], message: `${entry.code} is listed twice` });
        }
        seen.add(entry.code);
        entry.disaggregations.forEach((dim, j) => {
          if (!definition.disaggregations.includes(dim)) {
            ctx.addIssue({
              code: "custom",
              path: ["indicators", i, "disaggregations", j],
              message: `${entry.code} is not broken down by ${dim} (its definition offers ${definition.disaggregations.join(", ")})`,
            });
          }
        });
      });
    });
}
export type ProfileTemplateData = z.infer<ReturnType<typeof templateSchema>> & { file: string };
