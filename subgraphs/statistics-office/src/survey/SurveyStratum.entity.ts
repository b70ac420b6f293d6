/** A stratum of a survey round: a region, its households and how many were sampled (the basis of the weights). */
import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity("survey_stratum")
export class SurveyStratum {
  @PrimaryColumn({ name: "survey_year", type: "integer" })
  surveyYear: number;

  @PrimaryColumn({ type: "text" })
  region: string;

  @Column({ name: "households_in_population", type: "integer" })
  householdsInPopulation: number;

  @Column({ name: "households_sampled", type: "integer" })
  householdsSampled: number;
}
