/** The single row naming the chain's last event: appenders lock it, verification compares with it. */
import { Column, Entity, PrimaryColumn } from "typeorm";
import { bigintAsNumber } from "./AuditEventRecord.entity";

@Entity("audit_chain_head")
export class AuditChainHead {
  @PrimaryColumn({ type: "int" })
  id: number;

  @Column({ type: "bigint", transformer: bigintAsNumber })
  seq: number;

  @Column({ type: "char", length: 64 })
  hash: string;

  /** The audit key that signed (seq, hash); null before the first append. */
  @Column({ name: "key_id", type: "text", nullable: true })
  keyId: string | null;

  @Column({ type: "text", nullable: true })
  signature: string | null;
}
