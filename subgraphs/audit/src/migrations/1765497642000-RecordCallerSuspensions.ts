/** The anomaly alarm's suspensions of callers, beside the log (contracts/src/audit/suspensionSchema.ts). */
import type { MigrationInterface, QueryRunner } from "typeorm";
import { CALLER_SUSPENSION_DDL, CALLER_SUSPENSION_TABLE } from "@hub/contracts";

export class RecordCallerSuspensions1765497642000 implements MigrationInterface {
  name = "RecordCallerSuspensions1765497642000";

  async up(q: QueryRunner): Promise<void> {
    for (const statement of CALLER_SUSPENSION_DDL) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${CALLER_SUSPENSION_TABLE}`);
  }
}
