/**
 * The shape of the Statistics Office's household migration survey in the synthetic world: a
 * stratified sample of households with design weights, their members and the members' spells
 * abroad. Pseudonymised: codes are drawn at random, unrelated to any register, and no names or
 * dates of birth are recorded (age in whole years at the interview is enough for the estimates).
 */
import type { Sex } from "./types";

/** Relationship of a member to the head of the household, as the questionnaire's roster asks it. */
export type SurveyRelationship = "HEAD" | "SPOUSE" | "CHILD" | "PARENT" | "GRANDCHILD" | "OTHER_RELATIVE";

export type MigrationReason = "WORK" | "STUDY" | "FAMILY" | "OTHER";

/** Intention of a member abroad to come back, as the household reports it. */
export type ReturnIntention = "YES" | "NO" | "UNDECIDED";

/** Remittances received by the household in the 12 months before the interview, in US dollars. */
export type RemittanceBand = "USD_LT500" | "USD500-1999" | "USD2000-4999" | "USD_GE5000";

/** One spell abroad of at least three months; the last may still be going on. */
export interface SyntheticMigrationEpisode {
  destination: string;
  departureYear: number;
  /** Null: still abroad at the interview. */
  returnYear: number | null;
  reason: MigrationReason;
}

export interface SyntheticSurveyMember {
  /** Random code, unrelated to personRef or any register id. */
  memberId: string;
  /** Line of the household roster, 1 for the head. */
  lineNumber: number;
  relationship: SurveyRelationship;
  sex: Sex;
  /** Whole years at the interview. */
  age: number;
  /** Oldest first; empty for a member who never lived abroad. */
  episodes: SyntheticMigrationEpisode[];
  /** Set only for a member abroad at the interview. */
  intendsToReturn: ReturnIntention | null;
}

export interface SyntheticSurveyHousehold {
  /** Random code, unrelated to any address or register id. */
  householdId: string;
  /** Stratum: the region (ISO 3166-2:AM, a REGIONS entry without parent) the household lives in. */
  region: string;
  /** Design weight: households in the stratum's population per household sampled in it. */
  weight: number;
  interviewedOn: string;
  receivesRemittances: boolean;
  /** Null when the household received none. */
  remittanceBand: RemittanceBand | null;
  /** Usual members, those abroad included; the head first. */
  members: SyntheticSurveyMember[];
}

/** A stratum of the design: one region, its number of households and how many were sampled. */
export interface SurveyStratum {
  region: string;
  householdsInPopulation: number;
  householdsSampled: number;
}

export interface SyntheticSurvey {
  /** Year of the fieldwork; the remittances question covers the 12 months before each interview. */
  year: number;
  strata: SurveyStratum[];
  households: SyntheticSurveyHousehold[];
}
