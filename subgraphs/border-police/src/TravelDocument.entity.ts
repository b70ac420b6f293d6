/** A travel document seen at the border. */
import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Category } from "@hub/kit";
import { Sex, TravelDocumentKind } from "./enums";

@Entity("travel_document")
@ObjectType({ description: "A travel document seen at the border." })
export class TravelDocument {
  @Category("IDENTIFIER")
  @Field()
  @PrimaryColumn({ name: "document_number" })
  documentNumber: string;

  @Index()
  @Column({ name: "person_ref" })
  personRef: string;

  @Category("TRAVEL")
  @Field(() => TravelDocumentKind)
  @Column({ type: "text" })
  kind: TravelDocumentKind;

  @Column({ name: "issuing_country" })
  issuingCountryCode: string;

  @Category("TRAVEL")
  @Field({ description: "YYYY-MM-DD" })
  @Column({ name: "issued_on", type: "date" })
  issuedOn: string;

  @Category("TRAVEL")
  @Field({ description: "YYYY-MM-DD" })
  @Column({ name: "expires_on", type: "date" })
  expiresOn: string;

  @Category("BIOMETRIC")
  @Field(() => String, { nullable: true, description: "Digest of the facial image on the chip." })
  @Column({ name: "chip_facial_image_digest", type: "text", nullable: true })
  chipFacialImageDigest: string | null;

  // Read from the document (the MRZ) to decide whether its holder is a minor (R6-1-minors); never
  // served, so it carries no category.
  @Column({ name: "holder_date_of_birth", type: "date", nullable: true })
  holderDateOfBirth: string | null;

  @Category("IDENTITY")
  @Field(() => Sex, { nullable: true, description: "The holder's sex as the document states it." })
  @Column({ name: "holder_sex", type: "text", nullable: true })
  holderSex: Sex | null;

  /** ISO alpha-2 code of the nationality the document states; served as `holderNationality: Country`. */
  @Column({ name: "holder_nationality", type: "text", nullable: true })
  holderNationalityCode: string | null;

  @Category("TRAVEL")
  @Field({ description: "YYYY-MM-DD: after it the record is not disclosed in identifiable form." })
  @Column({ name: "retain_until", type: "date" })
  retainUntil: string;
}
