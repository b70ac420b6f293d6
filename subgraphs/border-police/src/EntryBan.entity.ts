/** A ban on entering the country; its grounds may be criminal, so the whole record is. */
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Category } from "@hub/kit";
import { EntryBanGrounds } from "./enums";

@Entity("entry_ban")
@ObjectType({ description: "A ban on entering the country." })
export class EntryBan {
  @Category("IDENTIFIER")
  @Field(() => ID)
  @PrimaryColumn()
  id: string;

  @Index()
  @Column({ name: "person_ref" })
  personRef: string;

  @Category("CRIMINAL")
  @Field({ description: "YYYY-MM-DD" })
  @Column({ name: "issued_on", type: "date" })
  issuedOn: string;

  @Category("CRIMINAL")
  @Field({ description: "YYYY-MM-DD" })
  @Column({ name: "valid_until", type: "date" })
  validUntil: string;

  @Category("CRIMINAL")
  @Field(() => EntryBanGrounds)
  @Column({ type: "text" })
  grounds: EntryBanGrounds;

  @Category("CRIMINAL")
  @Field({ description: "YYYY-MM-DD: after it the record is not disclosed in identifiable form." })
  @Column({ name: "retain_until", type: "date" })
  retainUntil: string;
}
