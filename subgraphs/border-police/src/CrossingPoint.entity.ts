/** A border crossing point (airport, road or rail), reference data. */
import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Category } from "@hub/kit";
import { CrossingPointKind } from "./enums";

@Entity("crossing_point")
@ObjectType({ description: "A border crossing point." })
export class CrossingPoint {
  @Category("REFERENCE")
  @Field()
  @PrimaryColumn()
  code: string;

  @Category("REFERENCE")
  @Field()
  @Column()
  name: string;

  @Category("REFERENCE")
  @Field(() => CrossingPointKind)
  @Column({ type: "text" })
  kind: CrossingPointKind;

  @Column({ name: "neighbour_country", type: "text", nullable: true })
  neighbourCountryCode: string | null;

  @Category("REFERENCE")
  @Field(() => String, { nullable: true, description: "Region the crossing point lies in, ISO 3166-2:AM." })
  @Column({ type: "text", nullable: true })
  region: string | null;
}
