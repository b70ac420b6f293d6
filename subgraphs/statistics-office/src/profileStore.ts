/**
 * Reads of the profile store: a template with its indicators, and the stored tables of a year,
 * each in the source's canonical order. The GraphQL resolvers and the SDMX export share them.
 */
import { GraphQLError } from "graphql";
import { In, type DataSource } from "typeorm";
import type { StatisticalDimension } from "@hub/contracts";
import { IndicatorDefinition } from "./IndicatorDefinition.entity";
import { Observation } from "./Observation.entity";
import { ProfilePull } from "./ProfilePull.entity";
import { ProfileTemplate, TemplateIndicator } from "./ProfileTemplate.entity";

/** The template a profile follows when the caller names none. */
export const DEFAULT_TEMPLATE = "NATIONAL_EXTENDED";

export interface TemplateEntry {
  /** The definition, its disaggregations those the template publishes. */
  indicator: IndicatorDefinition;
  disaggregations: StatisticalDimension[];
}

export interface LoadedTemplate {
  template: ProfileTemplate;
  entries: TemplateEntry[];
}

/** The definition as a template publishes it: its own dimensions replaced by the template's. */
export const asPublished = (definition: IndicatorDefinition, disaggregations: StatisticalDimension[]) =>
  Object.assign(new IndicatorDefinition(), definition, { disaggregations });

/** The template and its indicators in order; BAD_USER_INPUT naming the known ids when there is none. */
export async function loadTemplate(db: DataSource, id: string): Promise<LoadedTemplate> {
  const template = await db.getRepository(ProfileTemplate).findOneBy({ id });
  if (!template) {
    const known = await db.getRepository(ProfileTemplate).find({ order: { id: "ASC" } });
    throw badInput(`Unknown template ${id}; the templates are ${known.map((t) => t.id).join(", ")}`);
  }
  const rows = await db
    .getRepository(TemplateIndicator)
    .find({ where: { templateId: id }, order: { position: "ASC" } });
  const definitions = await db
    .getRepository(IndicatorDefinition)
    .findBy({ code: In(rows.map((r) => r.indicatorCode)) });
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  const entries = rows.map((row) => {
    const indicator = byCode.get(row.indicatorCode);
    // The foreign key makes this unreachable; failing beats a profile with a hole in it.
    if (!indicator) throw new Error(`template ${id} names ${row.indicatorCode}, which has no definition`);
    return { indicator: asPublished(indicator, row.disaggregations), disaggregations: row.disaggregations };
  });
  return { template, entries };
}

export interface StoredTables {
  /** Cells of each indicator that has any for the year, in the source's order. */
  cells: Map<string, Observation[]>;
  /** When the latest of the pulls that stored these cells ran; null when there are none. */
  pulledAt: Date | null;
}

export async function loadTables(
  db: DataSource,
  indicatorCodes: readonly string[],
  year: number,
): Promise<StoredTables> {
  const rows =
    indicatorCodes.length === 0
      ? []
      : await db.getRepository(Observation).find({
          where: { indicatorCode: In([...indicatorCodes]), year },
          order: { indicatorCode: "ASC", position: "ASC" },
        });
  const cells = new Map<string, Observation[]>();
  for (const row of rows) {
    const table = cells.get(row.indicatorCode);
    if (table) table.push(row);
    else cells.set(row.indicatorCode, [row]);
  }
  const pullIds = [...new Set(rows.map((r) => r.pullId))];
  const pulls = pullIds.length === 0 ? [] : await db.getRepository(ProfilePull).findBy({ id: In(pullIds) });
  const latest = pulls.reduce<Date | null>((at, p) => (at === null || p.pulledAt > at ? p.pulledAt : at), null);
  return { cells, pulledAt: latest };
}

export const badInput = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
