/** Who called and why a login failed, searchable; and the operators' distrust of identity provider keys (contracts/src/audit/auditSchema.ts). */
import type { MigrationInterface, QueryRunner } from "typeorm";
import {
  AUDIT_IDENTITY_DDL,
  AUDIT_TABLE,
  IDENTITY_KEY_DISTRUST_DDL,
  IDENTITY_KEY_DISTRUST_TABLE,
} from "@hub/contracts";

export class RecordCallerIdentity1765065600000 implements MigrationInterface {
  name = "RecordCallerIdentity1765065600000";

  async up(q: QueryRunner): Promise<void> {
    for (const statement of [...AUDIT_IDENTITY_DDL, ...IDENTITY_KEY_DISTRUST_DDL]) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${IDENTITY_KEY_DISTRUST_TABLE}`);
    // Dropping the columns drops their indexes.
    await q.query(`ALTER TABLE ${AUDIT_TABLE} DROP COLUMN issuer, DROP COLUMN client_id, DROP COLUMN auth_reason`);
  }
}
