/** First schema of the Border Police repository. */
import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateBorderPoliceSchema1764028800000 implements MigrationInterface {
  name = "CreateBorderPoliceSchema1764028800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE crossing_point (
      code text PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('AIRPORT', 'ROAD', 'RAIL')),
      neighbour_country text
    )`);
    await q.query(`CREATE TABLE travel_document (
      document_number text PRIMARY KEY,
      person_ref text NOT NULL,
      kind text NOT NULL,
      issuing_country text NOT NULL,
      issued_on date NOT NULL,
      expires_on date NOT NULL,
      chip_facial_image_digest text,
      retain_until date NOT NULL
    )`);
    await q.query(`CREATE INDEX travel_document_person ON travel_document (person_ref)`);
    await q.query(`CREATE TABLE border_crossing (
      id text PRIMARY KEY,
      person_ref text NOT NULL,
      document_number text NOT NULL REFERENCES travel_document (document_number),
      crossing_point text NOT NULL REFERENCES crossing_point (code),
      direction text NOT NULL CHECK (direction IN ('ENTRY', 'EXIT')),
      crossed_at timestamptz NOT NULL,
      accompanied_minor boolean NOT NULL,
      accompanying_person_ref text,
      biometric_match_score real,
      retain_until date NOT NULL
    )`);
    await q.query(`CREATE INDEX border_crossing_person ON border_crossing (person_ref, crossed_at)`);
    await q.query(`CREATE INDEX border_crossing_point ON border_crossing (crossing_point, crossed_at)`);
    await q.query(`CREATE INDEX border_crossing_document ON border_crossing (document_number)`);
    await q.query(`CREATE TABLE entry_refusal (
      id text PRIMARY KEY,
      person_ref text NOT NULL,
      crossing_point text NOT NULL REFERENCES crossing_point (code),
      refused_on date NOT NULL,
      reason text NOT NULL CHECK (reason ~ '^[A-J]$'),
      retain_until date NOT NULL
    )`);
    await q.query(`CREATE INDEX entry_refusal_person ON entry_refusal (person_ref)`);
    await q.query(`CREATE TABLE entry_ban (
      id text PRIMARY KEY,
      person_ref text NOT NULL,
      issued_on date NOT NULL,
      valid_until date NOT NULL,
      grounds text NOT NULL,
      retain_until date NOT NULL
    )`);
    await q.query(`CREATE INDEX entry_ban_person ON entry_ban (person_ref)`);
    await q.query(`CREATE TABLE deportee_screening (
      id text PRIMARY KEY,
      person_ref text NOT NULL,
      crossing_point text NOT NULL REFERENCES crossing_point (code),
      screened_on date NOT NULL,
      deporting_country text NOT NULL,
      return_reason text NOT NULL,
      trafficking_indicators text[] NOT NULL DEFAULT '{}',
      health_needs text,
      consent_to_share boolean NOT NULL,
      retain_until date NOT NULL
    )`);
    await q.query(`CREATE INDEX deportee_screening_person ON deportee_screening (person_ref)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "deportee_screening",
      "entry_ban",
      "entry_refusal",
      "border_crossing",
      "travel_document",
      "crossing_point",
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
