/**
 * The Statistics Office stops computing statistics from raw counts: the raw-count table goes, and
 * the profile store takes its place. Cells are kept as the source agencies served them (value
 * after disclosure control, flag), beside the code lists, the templates and the pulls.
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

// The contract's code lists as they were when this migration was written: a migration is history,
// so a later change of the lists comes with a migration of its own.
const AGES = [
  "_T",
  "_U",
  ...["Y_LT5", "Y5-9", "Y10-14", "Y15-19", "Y20-24", "Y25-29", "Y30-34", "Y35-39", "Y40-44"],
  ...["Y45-49", "Y50-54", "Y55-59", "Y60-64", "Y65-69", "Y70-74", "Y75-79", "Y_GE80", "Y_LT18", "Y_GE18"],
];
const sqlList = (codes: readonly string[]) => codes.map((c) => `'${c}'`).join(", ");

export class CreateProfileStore1764201600000 implements MigrationInterface {
  name = "CreateProfileStore1764201600000";

  async up(q: QueryRunner): Promise<void> {
    await q.query("DROP TABLE observation");
    await q.query("DROP TABLE indicator_definition");
    await q.query(`CREATE TABLE region (
      code text PRIMARY KEY CHECK (code ~ '^[A-Z]{2}-[A-Z0-9]{1,3}(-[A-Z0-9]{1,3})?$'),
      name text NOT NULL,
      parent text REFERENCES region (code)
    )`);
    await q.query(`CREATE TABLE indicator_definition (
      code text PRIMARY KEY,
      name text NOT NULL,
      description text NOT NULL,
      unit text NOT NULL CHECK (unit IN ('PERSONS', 'PERMITS', 'DECISIONS', 'CROSSINGS', 'CASES')),
      source_agency text NOT NULL CHECK (source_agency IN ('BORDER_POLICE', 'MIGRATION_SERVICE')),
      source_indicator text NOT NULL,
      subject_category text NOT NULL,
      regime text NOT NULL CHECK (regime IN ('STANDARD', 'STRICT')),
      disaggregations text[] NOT NULL,
      breakdown_codes text[] NOT NULL DEFAULT '{}'
    )`);
    await q.query(`CREATE TABLE profile_template (
      id text PRIMARY KEY,
      title text NOT NULL,
      description text NOT NULL,
      adopted_by text
    )`);
    await q.query(`CREATE TABLE template_indicator (
      template_id text NOT NULL REFERENCES profile_template (id),
      indicator_code text NOT NULL REFERENCES indicator_definition (code),
      position integer NOT NULL,
      disaggregations text[] NOT NULL CHECK ('SEX' = ANY (disaggregations)),
      PRIMARY KEY (template_id, indicator_code)
    )`);
    await q.query(`CREATE TABLE profile_pull (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      template_id text NOT NULL REFERENCES profile_template (id),
      year integer NOT NULL,
      pulled_at timestamptz NOT NULL,
      indicators integer NOT NULL CHECK (indicators >= 0),
      cells integer NOT NULL CHECK (cells >= 0),
      request_ids text[] NOT NULL
    )`);
    // _U is SDMX's "unknown", which a source adds where some counted record lacks the value.
    // A suppressed cell never carries a number, here as in every answer (POLICY-RULES.md).
    await q.query(`CREATE TABLE observation (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      pull_id integer NOT NULL REFERENCES profile_pull (id),
      indicator_code text NOT NULL REFERENCES indicator_definition (code),
      position integer NOT NULL,
      year integer NOT NULL,
      sex text NOT NULL CHECK (sex IN ('_T', '_U', 'F', 'M')),
      age text NOT NULL CHECK (age IN (${sqlList(AGES)})),
      citizenship text NOT NULL CHECK (citizenship IN ('_T', '_U') OR citizenship ~ '^[A-Z]{2}$'),
      region text NOT NULL,
      month text NOT NULL CHECK (month ~ '^(_T|0[1-9]|1[0-2])$'),
      breakdown text NOT NULL,
      value integer CHECK (value >= 0),
      flag text NOT NULL CHECK (flag IN ('NONE', 'ROUNDED', 'SUPPRESSED')),
      CHECK ((flag = 'SUPPRESSED') = (value IS NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX observation_cell
      ON observation (indicator_code, year, sex, age, citizenship, region, month, breakdown)`);
    // Reads take one indicator-year in the source's order.
    await q.query("CREATE INDEX observation_table ON observation (indicator_code, year, position)");
    await q.query("CREATE INDEX profile_pull_latest ON profile_pull (template_id, year, pulled_at)");
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["observation", "profile_pull", "template_indicator", "profile_template"]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query("DROP TABLE indicator_definition");
    await q.query("DROP TABLE region");
    // The tables of the first schema, empty: their raw counts are not recoverable here.
    await q.query(`CREATE TABLE indicator_definition (
      code text PRIMARY KEY,
      name text NOT NULL,
      description text NOT NULL,
      unit text NOT NULL CHECK (unit IN ('PERSONS', 'PERMITS', 'DECISIONS', 'CROSSINGS')),
      source_agency text NOT NULL CHECK (source_agency IN ('BORDER_POLICE', 'MIGRATION_SERVICE')),
      subject_category text NOT NULL,
      disaggregations text[] NOT NULL DEFAULT '{}'
    )`);
    await q.query(`CREATE TABLE observation (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      indicator_code text NOT NULL REFERENCES indicator_definition (code),
      year integer NOT NULL,
      sex text NOT NULL CHECK (sex IN ('TOTAL', 'FEMALE', 'MALE')),
      age_group text NOT NULL CHECK (age_group IN ('TOTAL', 'Y0_17', 'Y18_34', 'Y35_64', 'Y65_MAX')),
      citizenship text REFERENCES country (code),
      raw_count integer NOT NULL CHECK (raw_count >= 0)
    )`);
    await q.query(`CREATE UNIQUE INDEX observation_cell
      ON observation (indicator_code, year, sex, age_group, citizenship) NULLS NOT DISTINCT`);
  }
}
