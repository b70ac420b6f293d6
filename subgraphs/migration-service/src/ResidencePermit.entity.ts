/** A residence permit issued to a person: reason, validity and status. */
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Category } from "@hub/kit";
import { PermitStatus, PermitType } from "./enums";

@Entity("residence_permit")
@ObjectType({ description: "A residence permit issued by the State Migration Service." })
export class ResidencePermit {
  @Category("IDENTIFIER")
  @Field(() => ID)
  @PrimaryColumn({ name: "permit_number" })
  permitNumber: string;

  @Index()
  @Column({ name: "person_ref" })
  personRef: string;

  @Category("RESIDENCE")
  @Field(() => PermitType)
  @Column({ name: "permit_type", type: "text" })
  permitType: PermitType;

  @Category("RESIDENCE")
  @Field({ description: "The first permit issued to this person (the statistics count first permits)." })
  @Column({ name: "first_permit" })
  firstPermit: boolean;

  @Category("RESIDENCE")
  @Field({ description: "YYYY-MM-DD" })
  @Column({ name: "issued_on", type: "date" })
  issuedOn: string;

  @Category("RESIDENCE")
  @Field({ description: "YYYY-MM-DD" })
  @Column({ name: "valid_until", type: "date" })
  validUntil: string;

  @Category("RESIDENCE")
  @Field(() => PermitStatus)
  @Column({ type: "text" })
  status: PermitStatus;

  @Category("RESIDENCE")
  @Field(() => String, { nullable: true, description: "Employer named on a permit for remunerated activity." })
  @Column({ type: "text", nullable: true })
  employer: string | null;

  @Category("RESIDENCE")
  @Field(() => String, { nullable: true, description: "Region of the holder's residence, ISO 3166-2:AM." })
  @Column({ name: "residence_region", type: "text", nullable: true })
  residenceRegion: string | null;

  @Category("RESIDENCE")
  @Field(() => String, { nullable: true, description: "Yerevan district of the residence; none elsewhere." })
  @Column({ name: "residence_district", type: "text", nullable: true })
  residenceDistrict: string | null;

  @Category("RESIDENCE")
  @Field({ description: "YYYY-MM-DD: after it the record is not disclosed in identifiable form." })
  @Column({ name: "retain_until", type: "date" })
  retainUntil: string;
}
