/** The audit database: the partitioned event table, the chain head and the checkpoints (contracts/src/audit). */
import type { MigrationInterface, QueryRunner } from "typeorm";
import { AUDIT_CHECKPOINT_TABLE, AUDIT_DDL, AUDIT_HEAD_TABLE, AUDIT_TABLE } from "@hub/contracts";

export class CreateAuditSchema1764547200000 implements MigrationInterface {
  name = "CreateAuditSchema1764547200000";

  async up(q: QueryRunner): Promise<void> {
    for (const statement of AUDIT_DDL) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${AUDIT_CHECKPOINT_TABLE}, ${AUDIT_HEAD_TABLE}, ${AUDIT_TABLE}`);
  }
}
