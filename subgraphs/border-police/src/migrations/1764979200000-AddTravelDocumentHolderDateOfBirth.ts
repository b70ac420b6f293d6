/**
 * The holder's date of birth as a travel document carries it (the MRZ): the Border Police's only
 * source for whether the person a record is about is a minor (R6-1-minors). Nullable: a document
 * read without it leaves the person's age unknown, and an unknown age counts as a minor.
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddTravelDocumentHolderDateOfBirth1764979200000 implements MigrationInterface {
  name = "AddTravelDocumentHolderDateOfBirth1764979200000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE travel_document ADD COLUMN holder_date_of_birth date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE travel_document DROP COLUMN holder_date_of_birth`);
  }
}
