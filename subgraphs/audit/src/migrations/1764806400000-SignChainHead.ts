/** The chain head's signature (contracts/src/audit/auditSchema.ts): the gateway signs it with every append. */
import type { MigrationInterface, QueryRunner } from "typeorm";
import { AUDIT_HEAD_SIGNATURE_DDL, AUDIT_HEAD_TABLE } from "@hub/contracts";

export class SignChainHead1764806400000 implements MigrationInterface {
  name = "SignChainHead1764806400000";

  async up(q: QueryRunner): Promise<void> {
    for (const statement of AUDIT_HEAD_SIGNATURE_DDL) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${AUDIT_HEAD_TABLE} DROP COLUMN key_id, DROP COLUMN signature`);
  }
}
