/** A subject access report (R9-1): who received a person's data, when, for what, and on which legal basis. */
import { Field, ID, ObjectType } from "type-graphql";
import { Category } from "@hub/kit";

@ObjectType({ description: "A data-sharing agreement under which data was disclosed." })
export class DisclosureAgreement {
  @Category("AUDIT")
  @Field()
  id: string;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "Null when the agreement is no longer on file." })
  title: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "The agency whose data the agreement shares." })
  provider: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "The law that allows the sharing." })
  legalBasis: string | null;
}

@ObjectType({ description: "One disclosure of the person's data. The individual official is not named." })
export class SubjectAccessDisclosure {
  @Category("AUDIT")
  @Field()
  occurredAt: Date;

  @Category("AUDIT")
  @Field(() => String, {
    nullable: true,
    description: "The agency that received the data, or the foreign authority's id (as `authority`).",
  })
  agency: string | null;

  @Category("AUDIT")
  @Field(() => String, {
    nullable: true,
    description: "The recipient's country (ISO 3166-1 alpha-2): the hub's own for its agencies (R14-2).",
  })
  country: string | null;

  @Category("AUDIT")
  @Field(() => String, {
    nullable: true,
    description: "The recipient: a domestic agency, or a foreign authority such as TR-PMM (R14-2).",
  })
  authority: string | null;

  @Category("AUDIT")
  @Field(() => String, {
    nullable: true,
    description: "A foreign authority's name as its agreement states it; null for a domestic agency.",
  })
  authorityName: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true })
  role: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true })
  purpose: string | null;

  @Category("AUDIT")
  @Field(() => [String], { description: "Data categories disclosed." })
  categories: string[];

  @Category("AUDIT")
  @Field(() => [DisclosureAgreement])
  agreements: DisclosureAgreement[];

  @Category("AUDIT")
  @Field(() => [String], { description: "The legal basis of each agreement on file, as the report prints it." })
  legalBasis: string[];
}

@ObjectType()
export class SubjectAccessReport {
  @Category("AUDIT")
  @Field(() => ID)
  personRef: string;

  @Category("AUDIT")
  @Field()
  generatedAt: Date;

  @Category("AUDIT")
  @Field(() => [SubjectAccessDisclosure], { description: "Oldest first." })
  disclosures: SubjectAccessDisclosure[];
}
