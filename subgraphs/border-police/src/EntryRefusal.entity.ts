/** A refusal of entry at the border, with the reason letter of the standard refusal form. */
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Category } from "@hub/kit";

@Entity("entry_refusal")
@ObjectType({ description: "A refusal of entry at a crossing point." })
export class EntryRefusal {
  @Category("IDENTIFIER")
  @Field(() => ID)
  @PrimaryColumn()
  id: string;

  @Index()
  @Column({ name: "person_ref" })
  personRef: string;

  @Column({ name: "crossing_point" })
  crossingPointCode: string;

  @Category("TRAVEL")
  @Field({ description: "YYYY-MM-DD" })
  @Column({ name: "refused_on", type: "date" })
  refusedOn: string;

  @Category("TRAVEL")
  @Field({ description: "Reason letter A-J of the standard refusal form." })
  @Column()
  reason: string;

  @Category("TRAVEL")
  @Field({ description: "YYYY-MM-DD: after it the record is not disclosed in identifiable form." })
  @Column({ name: "retain_until", type: "date" })
  retainUntil: string;
}
