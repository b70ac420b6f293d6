/** A signed checkpoint: the hub's audit key vouches that event `seq` had hash `hash`. */
import { Column, Entity, PrimaryColumn } from "typeorm";
import { bigintAsNumber } from "./AuditEventRecord.entity";

@Entity("audit_checkpoint")
export class AuditCheckpoint {
  @PrimaryColumn({ type: "bigint", transformer: bigintAsNumber })
  seq: number;

  @Column({ type: "char", length: 64 })
  hash: string;

  @Column({ name: "signed_at", type: "timestamptz" })
  signedAt: Date;

  @Column({ name: "key_id", type: "text" })
  keyId: string;

  @Column({ type: "text" })
  signature: string;
}
