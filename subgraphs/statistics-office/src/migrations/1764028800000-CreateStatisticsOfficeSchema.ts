/** First schema of the Statistics Office repository: code lists and raw counts, no personal data. */
import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateStatisticsOfficeSchema1764028800000 implements MigrationInterface {
  name = "CreateStatisticsOfficeSchema1764028800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE country (
      code text PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
      name text NOT NULL
    )`);
    await q.query(`CREATE TABLE indicator_definition (
      code text PRIMARY KEY,
      name text NOT NULL,
      description text NOT NULL,
      unit text NOT NULL CHECK (unit IN ('PERSONS', 'PERMITS', 'DECISIONS', 'CROSSINGS')),
      source_agency text NOT NULL CHECK (source_agency IN ('BORDER_POLICE', 'MIGRATION_SERVICE')),
      subject_category text NOT NULL,
      disaggregations text[] NOT NULL DEFAULT '{}'
    )`);
    // raw_count is never served as such: disclosure control computes what is (see disclosureControl.ts).
    await q.query(`CREATE TABLE observation (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      indicator_code text NOT NULL REFERENCES indicator_definition (code),
      year integer NOT NULL,
      sex text NOT NULL CHECK (sex IN ('TOTAL', 'FEMALE', 'MALE')),
      age_group text NOT NULL CHECK (age_group IN ('TOTAL', 'Y0_17', 'Y18_34', 'Y35_64', 'Y65_MAX')),
      citizenship text REFERENCES country (code),
      raw_count integer NOT NULL CHECK (raw_count >= 0)
    )`);
    // One row per cell; a null citizenship (all citizenships) counts as a value, not as unknown.
    // Led by (indicator_code, year), this index also serves the reads, which take whole tables.
    await q.query(`CREATE UNIQUE INDEX observation_cell
      ON observation (indicator_code, year, sex, age_group, citizenship) NULLS NOT DISTINCT`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["observation", "indicator_definition", "country"]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
