/**
 * The profile pull: for each indicator of a template, the source agency's protected table of the
 * year, asked for through the gateway as the Statistics Office's service client, checked, and
 * stored as served in one transaction. The gateway audits every table asked for.
 */
import type { DataSource } from "typeorm";
import { SOURCE_INDICATORS } from "@hub/contracts";
import { Country } from "../Country.entity";
import { IndicatorDefinition } from "../IndicatorDefinition.entity";
import { ProfileTemplate, TemplateIndicator } from "../ProfileTemplate.entity";
import { Region } from "../Region.entity";
import { checkSourceTable, type KnownCodes } from "./checkSourceTable";
import { fetchSourceTable } from "./fetchSourceTable";
import { ProfilePullError } from "./ProfilePullError";
import { storePull, type PulledTable } from "./storePull";

export interface PullProfileOptions {
  /** The hub's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  gatewayUrl: string;
  /** The service client's bearer token (OFFICIAL_STATISTICS among its purposes). */
  token: string;
  year: number;
  /** A template id of the store, e.g. NATIONAL_EXTENDED. */
  template: string;
  /** The Statistics Office's database, migrated and seeded with its code lists. */
  db: DataSource;
  /** Per table asked for; the source protects a whole indicator-year before answering. */
  timeoutMs?: number;
}

export interface PullSummary {
  pullId: number;
  template: string;
  year: number;
  pulledAt: Date;
  /** Indicators stored. */
  indicators: number;
  cells: number;
  /** The gateway's request id for each table stored: where to find the pull in the audit log. */
  requestIds: string[];
  /** Indicators whose source refused the year (no records of it then), with what it said. */
  skipped: { indicator: string; reason: string }[];
}

const DEFAULT_TIMEOUT_MS = 60_000;

export async function pullProfile(options: PullProfileOptions): Promise<PullSummary> {
  const { db, year } = options;
  const template = await db.getRepository(ProfileTemplate).findOneBy({ id: options.template });
  if (!template) {
    const known = (await db.getRepository(ProfileTemplate).find({ order: { id: "ASC" } })).map((t) => t.id);
    throw new ProfilePullError(
      "UNKNOWN_TEMPLATE",
      `no template ${options.template}; the templates are ${known.join(", ") || "none (is the Statistics Office seeded?)"}`,
    );
  }
  const entries = await db
    .getRepository(TemplateIndicator)
    .find({ where: { templateId: template.id }, order: { position: "ASC" } });
  const definitions = new Map((await db.getRepository(IndicatorDefinition).find()).map((d) => [d.code, d] as const));
  const known = await knownCodes(db);
  const tables: PulledTable[] = [];
  const skipped: PullSummary["skipped"] = [];
  // One table after the other: each is a whole indicator-year the source protects in one run.
  for (const entry of entries) {
    const definition = definitions.get(entry.indicatorCode);
    if (!definition) throw new Error(`template ${template.id} names ${entry.indicatorCode}, which has no definition`);
    let fetched;
    try {
      fetched = await fetchSourceTable({
        gatewayUrl: options.gatewayUrl,
        token: options.token,
        agency: SOURCE_INDICATORS[definition.sourceIndicator].agency,
        indicator: definition.sourceIndicator,
        year,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
    } catch (error) {
      // A year before an indicator's first record is a profile without that indicator, not a failed pull.
      if (!(error instanceof ProfilePullError) || error.failure !== "SOURCE_REFUSED_INPUT") throw error;
      skipped.push({ indicator: definition.code, reason: error.message });
      continue;
    }
    checkSourceTable(fetched.table, definition, year, known);
    tables.push({ indicatorCode: definition.code, cells: fetched.table.cells, requestId: fetched.requestId });
  }
  if (tables.length === 0) {
    // The first refusal in full; the others are usually the same reason, so they are only named.
    const [first, ...others] = skipped;
    const more = others.length === 0 ? "" : `; refused as well: ${others.map((s) => s.indicator).join(", ")}`;
    throw new ProfilePullError(
      "SOURCE_REFUSED_INPUT",
      `no indicator of ${template.id} could be pulled for ${year}: ${first?.reason ?? "no indicator asked"}${more}`,
    );
  }
  const stored = await storePull(db, { templateId: template.id, year, tables });
  return {
    pullId: stored.pullId,
    template: template.id,
    year,
    pulledAt: stored.pulledAt,
    indicators: tables.length,
    cells: stored.cells,
    requestIds: tables.map((t) => t.requestId),
    skipped,
  };
}

async function knownCodes(db: DataSource): Promise<KnownCodes> {
  const [countries, regions] = await Promise.all([
    db.getRepository(Country).find({ select: { code: true } }),
    db.getRepository(Region).find({ select: { code: true } }),
  ]);
  return { countries: new Set(countries.map((c) => c.code)), regions: new Set(regions.map((r) => r.code)) };
}
