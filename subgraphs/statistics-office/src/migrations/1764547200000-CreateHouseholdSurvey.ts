/**
 * The household migration survey: strata, households, members and their spells abroad. Rows are
 * pseudonymised (random codes, age in years, no names, dates of birth or addresses) and never
 * served: only weighted estimates are (see survey/estimateSurveyTable.ts).
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateHouseholdSurvey1764547200000 implements MigrationInterface {
  name = "CreateHouseholdSurvey1764547200000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE survey_stratum (
      survey_year integer NOT NULL,
      region text NOT NULL CHECK (region ~ '^AM-[A-Z]{2}$'),
      households_in_population integer NOT NULL CHECK (households_in_population > 0),
      households_sampled integer NOT NULL CHECK (households_sampled > 0),
      PRIMARY KEY (survey_year, region)
    )`);
    await q.query(`CREATE TABLE survey_household (
      id text PRIMARY KEY CHECK (id ~ '^HH[0-9A-Z]{9}$'),
      survey_year integer NOT NULL,
      region text NOT NULL,
      weight numeric(12, 4) NOT NULL CHECK (weight > 0),
      interviewed_on date NOT NULL,
      receives_remittances boolean NOT NULL,
      remittance_band text CHECK (remittance_band IN ('USD_LT500', 'USD500-1999', 'USD2000-4999', 'USD_GE5000')),
      CHECK ((remittance_band IS NOT NULL) = receives_remittances),
      FOREIGN KEY (survey_year, region) REFERENCES survey_stratum (survey_year, region)
    )`);
    // The estimates describe a household by its head, always line 1 of the roster.
    await q.query(`CREATE TABLE survey_member (
      id text PRIMARY KEY CHECK (id ~ '^HM[0-9A-Z]{9}$'),
      household_id text NOT NULL REFERENCES survey_household (id) ON DELETE CASCADE,
      line_number integer NOT NULL CHECK (line_number >= 1),
      relationship text NOT NULL
        CHECK (relationship IN ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'OTHER_RELATIVE')),
      sex text NOT NULL CHECK (sex IN ('FEMALE', 'MALE')),
      age integer NOT NULL CHECK (age BETWEEN 0 AND 120),
      intends_to_return text CHECK (intends_to_return IN ('YES', 'NO', 'UNDECIDED')),
      CHECK ((line_number = 1) = (relationship = 'HEAD')),
      UNIQUE (household_id, line_number)
    )`);
    // No foreign key to country: the code lists are reseeded on their own, the survey with its round.
    await q.query(`CREATE TABLE survey_episode (
      member_id text NOT NULL REFERENCES survey_member (id) ON DELETE CASCADE,
      sequence integer NOT NULL CHECK (sequence >= 1),
      destination text NOT NULL CHECK (destination ~ '^[A-Z]{2}$'),
      departure_year integer NOT NULL,
      return_year integer CHECK (return_year >= departure_year),
      reason text NOT NULL CHECK (reason IN ('WORK', 'STUDY', 'FAMILY', 'OTHER')),
      PRIMARY KEY (member_id, sequence)
    )`);
    await q.query(`CREATE INDEX survey_household_round ON survey_household (survey_year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["survey_episode", "survey_member", "survey_household", "survey_stratum"]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
