/** Writes the Statistics Office's part of a synthetic world: code lists and aggregated counts, no person. */
import type { EntityManager } from "typeorm";
import { bulkInsert } from "@hub/kit";
import { type SyntheticWorld } from "@hub/synthetic";
import { aggregateWorld } from "./aggregateWorld";
import { INDICATORS } from "./indicators";
import { seedSurvey } from "./survey";

export async function seedStatisticsOffice(db: EntityManager, world: SyntheticWorld): Promise<void> {
  await db.query("TRUNCATE observation, indicator_definition, country");
  await bulkInsert(
    db,
    "country",
    ["code", "name"],
    world.countries.map((c) => [c.code, c.name]),
  );
  await bulkInsert(
    db,
    "indicator_definition",
    ["code", "name", "description", "unit", "source_agency", "subject_category", "disaggregations"],
    INDICATORS.map((i) => [
      i.code,
      i.name,
      i.description,
      i.unit,
      i.sourceAgency,
      i.subjectCategory,
      i.disaggregations,
    ]),
  );
  await bulkInsert(
    db,
    "observation",
    ["indicator_code", "year", "sex", "age_group", "citizenship", "raw_count"],
    aggregateWorld(world).map((c) => [c.indicatorCode, c.year, c.sex, c.ageGroup, c.citizenshipCode, c.rawCount]),
  );
  await seedSurvey(db, world.survey);
}
