/**
 * Profile templates as data (contracts/profiles): the indicator definitions and the templates,
 * read, validated against their schema and the source contract, and reported with file and line
 * when wrong, so that a bad template fails the build and the seed instead of a pull.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isMap, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { Agency, DataCategory } from "../vocabulary";
import { describeIssue, lineOf } from "../yamlLocation";
import type { SourceIndicatorCode } from "./sourceIndicators";
import {
  indicatorFileSchema,
  templateSchema,
  type IndicatorDefinitionData,
  type ProfileTemplateData,
} from "./profileSchema";
import {
  STATISTICAL_DIMENSIONS,
  type DisclosureRegimeName,
  type StatisticalDimension,
  type StatisticalUnit,
} from "./statisticalCodes";

/** contracts/profiles, beside contracts/dist where this module runs from. */
export const DEFAULT_PROFILES_DIR = path.resolve(__dirname, "../../profiles");

export interface BreakdownCode {
  code: string;
  name: string;
}

export interface IndicatorDefinition {
  code: string;
  name: string;
  description: string;
  unit: StatisticalUnit;
  sourceAgency: Extract<Agency, "BORDER_POLICE" | "MIGRATION_SERVICE">;
  sourceIndicator: SourceIndicatorCode;
  subjectCategory: DataCategory;
  regime: DisclosureRegimeName;
  /** In canonical order (STATISTICAL_DIMENSIONS). */
  disaggregations: StatisticalDimension[];
  /** The indicator's own classification, in the file's order; null without BREAKDOWN. */
  breakdown: { name: string; codes: BreakdownCode[] } | null;
}

export interface ProfileTemplate {
  id: string;
  title: string;
  description: string;
  adoptedBy: string | null;
  /** The indicators in the template's order, each with the dimensions the template publishes. */
  indicators: { code: string; disaggregations: StatisticalDimension[] }[];
  file: string;
}

export interface ProfileDefinitions {
  indicators: IndicatorDefinition[];
  templates: ProfileTemplate[];
}

export class ProfileDefinitionError extends Error {}

/** Reads indicators.yaml and templates/*.yaml under `dir`; throws one error naming file, line and field. */
export function loadProfileDefinitions(dir: string = DEFAULT_PROFILES_DIR): ProfileDefinitions {
  const indicatorFile = path.join(dir, "indicators.yaml");
  const { indicators: rawIndicators } = readYaml(indicatorFile, indicatorFileSchema);
  const indicators = rawIndicators.map(toDefinition);
  const byCode = new Map(rawIndicators.map((d) => [d.code, d]));
  const schema = templateSchema(byCode);
  const templatesDir = path.join(dir, "templates");
  const templates: ProfileTemplate[] = [];
  const firstSeen = new Map<string, string>();
  for (const name of readdirSync(templatesDir)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .sort()) {
    const file = path.join(templatesDir, name);
    const template: ProfileTemplateData = { ...readYaml(file, schema), file };
    const first = firstSeen.get(template.id);
    if (first) throw new ProfileDefinitionError(`${file}: id: ${template.id} is already the id of ${first}`);
    firstSeen.set(template.id, file);
    templates.push({
      ...template,
      indicators: template.indicators.map((i) => ({ code: i.code, disaggregations: canonical(i.disaggregations) })),
    });
  }
  if (templates.length === 0) throw new ProfileDefinitionError(`${templatesDir}: no template`);
  return { indicators, templates };
}

function readYaml<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter: counter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) throw new ProfileDefinitionError(`${file}:${counter.linePos(syntax.pos[0]).line}: ${syntax.message}`);
  if (!isMap(doc.contents)) {
    throw new ProfileDefinitionError(`${file}:${lineOf(doc, counter, [])}: must be a mapping of fields`);
  }
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) throw new ProfileDefinitionError(describeIssue(file, doc, counter, parsed.error.issues[0]));
  return parsed.data;
}

/** Stored and served in one order, whatever order a file lists them in. */
const canonical = (dims: readonly StatisticalDimension[]): StatisticalDimension[] =>
  STATISTICAL_DIMENSIONS.filter((d) => dims.includes(d));

function toDefinition(d: IndicatorDefinitionData): IndicatorDefinition {
  return {
    ...d,
    // Checked by the schema against SOURCE_INDICATORS, with the agency that serves it.
    sourceIndicator: d.sourceIndicator as SourceIndicatorCode,
    sourceAgency: d.sourceAgency as IndicatorDefinition["sourceAgency"],
    disaggregations: canonical(d.disaggregations),
    breakdown: d.breakdown
      ? { name: d.breakdown.name, codes: Object.entries(d.breakdown.codes).map(([code, name]) => ({ code, name })) }
      : null,
  };
}
