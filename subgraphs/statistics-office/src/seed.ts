/**
 * Writes the Statistics Office's code lists: countries and regions of the synthetic world, the
 * indicator definitions and templates of contracts/profiles. No figure: those arrive only by the
 * profile pull, through the hub, from the source agencies' protected tables.
 */
import type { EntityManager } from "typeorm";
import { loadProfileDefinitions, type ProfileDefinitions } from "@hub/contracts";
import { bulkInsert } from "@hub/kit";
import { REGIONS, type SyntheticWorld } from "@hub/synthetic";

export async function seedStatisticsOffice(
  db: EntityManager,
  world: SyntheticWorld,
  profiles: ProfileDefinitions = loadProfileDefinitions(),
): Promise<void> {
  // Figures pulled from another world's records would no longer match the sources.
  await db.query(
    "TRUNCATE observation, profile_pull, template_indicator, profile_template, indicator_definition, region, country",
  );
  await bulkInsert(
    db,
    "country",
    ["code", "name"],
    world.countries.map((c) => [c.code, c.name]),
  );
  // Regions before their districts, for the parent reference.
  const regions = [...REGIONS].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null));
  await bulkInsert(
    db,
    "region",
    ["code", "name", "parent"],
    regions.map((r) => [r.code, r.name, r.parent]),
  );
  await bulkInsert(
    db,
    "indicator_definition",
    [
      ...["code", "name", "description", "unit", "source_agency", "source_indicator", "subject_category"],
      ...["regime", "disaggregations", "breakdown_codes"],
    ],
    profiles.indicators.map((i) => [
      ...[i.code, i.name, i.description, i.unit, i.sourceAgency, i.sourceIndicator, i.subjectCategory, i.regime],
      i.disaggregations,
      i.breakdown?.codes.map((c) => c.code) ?? [],
    ]),
  );
  await bulkInsert(
    db,
    "profile_template",
    ["id", "title", "description", "adopted_by"],
    profiles.templates.map((t) => [t.id, t.title, t.description, t.adoptedBy]),
  );
  await bulkInsert(
    db,
    "template_indicator",
    ["template_id", "indicator_code", "position", "disaggregations"],
    profiles.templates.flatMap((t) => t.indicators.map((i, position) => [t.id, i.code, position, i.disaggregations])),
  );
}
