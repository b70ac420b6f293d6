/** A country of the ISO 3166-1 code list; owned here, the other subgraphs reference it by code. */
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Category } from "@hub/kit";

@Entity("country")
@Directive('@key(fields: "code")')
@ObjectType({ description: "A country, ISO 3166-1 alpha-2." })
export class Country {
  @Category("REFERENCE")
  @Field(() => ID, { description: "ISO 3166-1 alpha-2 code." })
  @PrimaryColumn()
  code: string;

  @Category("REFERENCE")
  @Field({ description: "English short name." })
  @Column()
  name: string;
}
