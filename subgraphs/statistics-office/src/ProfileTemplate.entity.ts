/** A migration-profile template (contracts/profiles/templates) and the indicators it lists, in order. */
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import type { StatisticalDimension } from "@hub/contracts";
import { Category } from "@hub/kit";

@Entity("profile_template")
@ObjectType({ description: "A template of a migration profile: which indicators it publishes, split by what." })
export class ProfileTemplate {
  @Category("REFERENCE")
  @Field(() => ID)
  @PrimaryColumn()
  id: string;

  @Category("REFERENCE")
  @Field()
  @Column()
  title: string;

  @Category("REFERENCE")
  @Field()
  @Column()
  description: string;

  @Category("REFERENCE")
  @Field(() => String, { nullable: true, description: "The act that adopted the template; null where none did." })
  @Column({ name: "adopted_by", type: "text", nullable: true })
  adoptedBy: string | null;
}

/** One indicator of a template: its place in the template and the dimensions the template publishes. */
@Entity("template_indicator")
export class TemplateIndicator {
  @PrimaryColumn({ name: "template_id" })
  templateId: string;

  @PrimaryColumn({ name: "indicator_code" })
  indicatorCode: string;

  @Column({ type: "integer" })
  position: number;

  @Column({ type: "text", array: true })
  disaggregations: StatisticalDimension[];
}
