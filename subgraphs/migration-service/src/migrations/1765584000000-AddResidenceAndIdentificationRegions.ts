/**
 * Geography for the Migration Service's statistics: the region (and, in Yerevan, the district) of
 * a permit holder's residence, and the region where a trafficking victim was identified. Nullable:
 * records made before these were captured keep an unknown place. A district's code extends its
 * region's (AM-ER-KE lies in AM-ER), which the check holds the two columns to.
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddResidenceAndIdentificationRegions1765584000000 implements MigrationInterface {
  name = "AddResidenceAndIdentificationRegions1765584000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE residence_permit
      ADD COLUMN residence_region text,
      ADD COLUMN residence_district text,
      ADD CONSTRAINT residence_district_in_region
        CHECK (residence_district IS NULL OR residence_district LIKE residence_region || '-%')`);
    await q.query(`ALTER TABLE trafficking_case ADD COLUMN identified_region text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE trafficking_case DROP COLUMN identified_region`);
    await q.query(`ALTER TABLE residence_permit DROP COLUMN residence_region, DROP COLUMN residence_district`);
  }
}
