/** One passage of a person through a crossing point. */
import { Field, Float, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Category } from "@hub/kit";
import { CrossingDirection } from "./enums";

@Entity("border_crossing")
@Index(["personRef", "crossedAt"])
@Index(["crossingPointCode", "crossedAt"])
@ObjectType({ description: "One passage of a person through a border crossing point." })
export class BorderCrossing {
  @Category("IDENTIFIER")
  @Field(() => ID)
  @PrimaryColumn()
  id: string;

  @Column({ name: "person_ref" })
  personRef: string;

  @Index()
  @Column({ name: "document_number" })
  documentNumber: string;

  @Column({ name: "crossing_point" })
  crossingPointCode: string;

  @Category("TRAVEL")
  @Field(() => CrossingDirection)
  @Column({ type: "text" })
  direction: CrossingDirection;

  @Category("TRAVEL")
  @Field()
  @Column({ name: "crossed_at", type: "timestamptz" })
  crossedAt: Date;

  @Category("MINOR")
  @Field({ description: "A minor travelling with an accompanying adult." })
  @Column({ name: "accompanied_minor" })
  accompaniedMinor: boolean;

  @Column({ name: "accompanying_person_ref", type: "text", nullable: true })
  accompanyingPersonRef: string | null;

  @Category("BIOMETRIC")
  @Field(() => Float, { nullable: true, description: "Face match score, live capture against chip image (0-1)." })
  @Column({ name: "biometric_match_score", type: "real", nullable: true })
  biometricMatchScore: number | null;

  @Category("TRAVEL")
  @Field({ description: "YYYY-MM-DD: after it the record is not disclosed in identifiable form." })
  @Column({ name: "retain_until", type: "date" })
  retainUntil: string;
}
