/** First schema of the State Migration Service repository. */
import type { MigrationInterface, QueryRunner } from "typeorm";

/** `CHECK` clause limiting a text column to a closed list of codes. */
const oneOf = (column: string, values: readonly string[]): string =>
  `CHECK (${column} IN (${values.map((v) => `'${v}'`).join(", ")}))`;

/** `CHECK` clause limiting every element of a text[] column to a closed list of codes. */
const allOf = (column: string, values: readonly string[]): string =>
  `CHECK (${column} <@ ARRAY[${values.map((v) => `'${v}'`).join(", ")}]::text[])`;

export class CreateMigrationServiceSchema1764028800000 implements MigrationInterface {
  name = "CreateMigrationServiceSchema1764028800000";

  async up(q: QueryRunner): Promise<void> {
    // The guardian link is deferred to commit, so persons and guardians may be inserted in any order.
    await q.query(`CREATE TABLE person (
      person_ref text PRIMARY KEY,
      national_id text NOT NULL UNIQUE,
      family_name text NOT NULL,
      given_name text NOT NULL,
      date_of_birth date NOT NULL,
      sex text NOT NULL ${oneOf("sex", ["FEMALE", "MALE"])},
      citizenships text[] NOT NULL DEFAULT '{}',
      country_of_birth text,
      guardian_person_ref text REFERENCES person (person_ref) DEFERRABLE INITIALLY DEFERRED,
      retain_until date NOT NULL
    )`);
    await q.query(`CREATE INDEX person_guardian ON person (guardian_person_ref)`);
    await q.query(`CREATE TABLE residence_permit (
      permit_number text PRIMARY KEY,
      person_ref text NOT NULL REFERENCES person (person_ref),
      permit_type text NOT NULL ${oneOf("permit_type", ["FAMILY", "EDUCATION", "REMUNERATED", "HUMANITARIAN", "PERMANENT", "OTHER"])},
      first_permit boolean NOT NULL,
      issued_on date NOT NULL,
      valid_until date NOT NULL,
      status text NOT NULL ${oneOf("status", ["VALID", "EXPIRED", "REVOKED"])},
      employer text,
      retain_until date NOT NULL
    )`);
    await q.query(`CREATE INDEX residence_permit_person ON residence_permit (person_ref)`);
    await q.query(`CREATE TABLE asylum_application (
      application_id text PRIMARY KEY,
      person_ref text NOT NULL REFERENCES person (person_ref),
      lodged_on date NOT NULL,
      first_time boolean NOT NULL,
      country_of_origin text NOT NULL,
      grounds text[] NOT NULL DEFAULT '{}' ${allOf("grounds", [
        "POLITICAL_OPINION",
        "RELIGION",
        "ETHNICITY",
        "NATIONALITY",
        "SEXUAL_ORIENTATION",
        "PARTICULAR_SOCIAL_GROUP",
        "ARMED_CONFLICT",
      ])},
      unaccompanied_minor boolean NOT NULL,
      outcome text NOT NULL ${oneOf("outcome", ["PENDING", "REFUGEE_STATUS", "SUBSIDIARY_PROTECTION", "HUMANITARIAN_STATUS", "REJECTED"])},
      decided_on date,
      retain_until date NOT NULL
    )`);
    await q.query(`CREATE INDEX asylum_application_person ON asylum_application (person_ref)`);
    await q.query(`CREATE INDEX asylum_application_origin ON asylum_application (country_of_origin)`);
    await q.query(`CREATE TABLE return_decision (
      decision_id text PRIMARY KEY,
      person_ref text NOT NULL REFERENCES person (person_ref),
      issued_on date NOT NULL,
      grounds text NOT NULL ${oneOf("grounds", ["IRREGULAR_STAY", "REJECTED_ASYLUM", "CRIMINAL_CONVICTION", "PUBLIC_ORDER"])},
      voluntary_departure_until date,
      status text NOT NULL ${oneOf("status", ["ISSUED", "VOLUNTARY_DEPARTURE", "ENFORCED", "SUSPENDED"])},
      returned_on date,
      destination_country text NOT NULL,
      retain_until date NOT NULL
    )`);
    await q.query(`CREATE INDEX return_decision_person ON return_decision (person_ref)`);
    await q.query(`CREATE TABLE trafficking_case (
      case_id text PRIMARY KEY,
      person_ref text NOT NULL REFERENCES person (person_ref),
      identified_on date NOT NULL,
      form_of_exploitation text NOT NULL ${oneOf("form_of_exploitation", [
        "SEXUAL",
        "LABOUR",
        "FORCED_CRIMINALITY",
        "BEGGING",
        "DOMESTIC_SERVITUDE",
        "MIXED",
      ])},
      country_of_exploitation text NOT NULL,
      screening_interview_on date NOT NULL,
      assistance_interview_on date,
      assistance text[] NOT NULL DEFAULT '{}' ${allOf("assistance", [
        "SHELTER",
        "MEDICAL",
        "PSYCHOSOCIAL",
        "LEGAL",
        "REINTEGRATION",
        "VOLUNTARY_RETURN",
      ])},
      assigned_caseworker text NOT NULL,
      consent_to_share boolean NOT NULL,
      reflection_period_until date NOT NULL,
      status text NOT NULL ${oneOf("status", ["OPEN", "CLOSED"])},
      retain_until date NOT NULL
    )`);
    await q.query(`CREATE INDEX trafficking_case_person ON trafficking_case (person_ref)`);
    await q.query(`CREATE INDEX trafficking_case_caseworker ON trafficking_case (assigned_caseworker)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["trafficking_case", "return_decision", "asylum_application", "residence_permit", "person"]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
