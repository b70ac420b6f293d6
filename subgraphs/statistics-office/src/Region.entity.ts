/** A region of the hub's country, or a district of one: the geography code list of the statistics. */
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Category } from "@hub/kit";

@Entity("region")
@ObjectType({ description: "A region (ISO 3166-2) of the country, or a district of one." })
export class Region {
  @Category("REFERENCE")
  @Field(() => ID, { description: "ISO 3166-2 code of a region; a district's code extends its region's." })
  @PrimaryColumn()
  code: string;

  @Category("REFERENCE")
  @Field()
  @Column()
  name: string;

  @Category("REFERENCE")
  @Field(() => String, { nullable: true, description: "The region a district lies in; null for a region." })
  @Column({ type: "text", nullable: true })
  parent: string | null;
}
