/** A person registered by the State Migration Service: the identity behind a personRef. */
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Category } from "@hub/kit";
import { Sex } from "./enums";

@Entity("person")
@Directive('@key(fields: "personRef")')
@ObjectType({ description: "A person known to the hub by a pseudonymous reference." })
export class Person {
  @Category("IDENTIFIER")
  @Field(() => ID, { description: "Pseudonymous hub identifier." })
  @PrimaryColumn({ name: "person_ref" })
  personRef: string;

  @Category("IDENTIFIER")
  @Field({ description: "National personal identification number." })
  @Index({ unique: true })
  @Column({ name: "national_id" })
  nationalId: string;

  @Category("IDENTITY")
  @Field()
  @Column({ name: "family_name" })
  familyName: string;

  @Category("IDENTITY")
  @Field()
  @Column({ name: "given_name" })
  givenName: string;

  @Category("IDENTITY")
  @Field({ description: "YYYY-MM-DD" })
  @Column({ name: "date_of_birth", type: "date" })
  dateOfBirth: string;

  @Category("IDENTITY")
  @Field(() => Sex)
  @Column({ type: "text" })
  sex: Sex;

  /** ISO alpha-2 codes, primary citizenship first; served as `citizenships: [Country!]!`. */
  @Column({ name: "citizenships", type: "text", array: true })
  citizenshipCodes: string[];

  @Column({ name: "country_of_birth", type: "text", nullable: true })
  countryOfBirthCode: string | null;

  @Column({ name: "guardian_person_ref", type: "text", nullable: true })
  guardianPersonRef: string | null;

  @Category("IDENTITY")
  @Field({ description: "YYYY-MM-DD: after it the record is not disclosed in identifiable form." })
  @Column({ name: "retain_until", type: "date" })
  retainUntil: string;
}
