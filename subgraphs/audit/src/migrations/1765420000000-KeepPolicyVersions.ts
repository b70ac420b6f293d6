/** The policy versions the gateways decided with, kept content-addressed (contracts/src/audit/policyVersionTable.ts). */
import type { MigrationInterface, QueryRunner } from "typeorm";
import { POLICY_VERSION_DDL, POLICY_VERSION_TABLE } from "@hub/contracts";

export class KeepPolicyVersions1765420000000 implements MigrationInterface {
  name = "KeepPolicyVersions1765420000000";

  async up(q: QueryRunner): Promise<void> {
    for (const statement of POLICY_VERSION_DDL) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${POLICY_VERSION_TABLE}`);
  }
}
