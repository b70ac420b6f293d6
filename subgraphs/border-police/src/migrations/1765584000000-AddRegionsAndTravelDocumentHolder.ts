/**
 * What the Border Police's statistics count by: the region of each crossing point, and the sex and
 * nationality its travel documents state (the machine-readable zone). Nullable, as the holder's
 * date of birth is: rows recorded before these columns existed keep an unknown value.
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddRegionsAndTravelDocumentHolder1765584000000 implements MigrationInterface {
  name = "AddRegionsAndTravelDocumentHolder1765584000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE crossing_point ADD COLUMN region text`);
    await q.query(`ALTER TABLE travel_document
      ADD COLUMN holder_sex text CHECK (holder_sex IN ('FEMALE', 'MALE')),
      ADD COLUMN holder_nationality text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE travel_document DROP COLUMN holder_sex, DROP COLUMN holder_nationality`);
    await q.query(`ALTER TABLE crossing_point DROP COLUMN region`);
  }
}
