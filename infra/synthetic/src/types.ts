/**
 * The shape of the synthetic world the seed generator produces: one population of persons and,
 * for each agency, the records it holds about them. Dates are `YYYY-MM-DD`, times ISO 8601 UTC,
 * countries ISO 3166-1 alpha-2. Nothing here is real personal data.
 */
import type { ReferenceCountry, ReferenceCrossingPoint, ReferenceRegion } from "@hub/contracts";
import type { SyntheticSurvey } from "./surveyTypes";

export type { CrossingPointKind } from "@hub/contracts";

export type Sex = "FEMALE" | "MALE";

export type SyntheticCountry = ReferenceCountry;

export interface SyntheticPerson {
  /** Pseudonymous hub identifier: keyed HMAC of the national id (see `personRefFor`). */
  personRef: string;
  /** Synthetic national identification number; held by the Migration Service only. */
  nationalId: string;
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  sex: Sex;
  /** First entry is the primary citizenship. */
  citizenships: string[];
  countryOfBirth: string;
  /** Set for minors: the person registered as guardian, when known. */
  guardianPersonRef: string | null;
  retainUntil: string;
}

export type SyntheticCrossingPoint = ReferenceCrossingPoint;

export type SyntheticRegion = ReferenceRegion;

export type TravelDocumentKind = "PASSPORT" | "ID_CARD" | "REFUGEE_TRAVEL_DOCUMENT" | "LAISSEZ_PASSER";

export interface SyntheticTravelDocument {
  documentNumber: string;
  personRef: string;
  kind: TravelDocumentKind;
  issuingCountry: string;
  issuedOn: string;
  expiresOn: string;
  /** Digest of the facial image read from the chip (biometric). */
  chipFacialImageDigest: string | null;
  /** The holder's date of birth as the document carries it (machine-readable zone), YYYY-MM-DD. */
  holderDateOfBirth: string;
  /** The holder's sex as the machine-readable zone carries it. */
  holderSex: Sex;
  /** The nationality the document states (machine-readable zone), ISO 3166-1 alpha-2. */
  holderNationality: string;
  retainUntil: string;
}

export type CrossingDirection = "ENTRY" | "EXIT";

export interface SyntheticBorderCrossing {
  id: string;
  personRef: string;
  documentNumber: string;
  crossingPointCode: string;
  direction: CrossingDirection;
  crossedAt: string;
  /** A minor travelling with an adult; the adult's personRef when recorded. */
  accompaniedMinor: boolean;
  accompanyingPersonRef: string | null;
  /** Face match score between live capture and chip image, 0..1 (biometric). */
  biometricMatchScore: number | null;
  retainUntil: string;
}

/** Reasons for refusal of entry, letters A-J of the standard refusal form. */
export type RefusalReason = "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I" | "J";

export interface SyntheticEntryRefusal {
  id: string;
  personRef: string;
  crossingPointCode: string;
  refusedOn: string;
  reason: RefusalReason;
  retainUntil: string;
}

export type EntryBanGrounds = "CRIMINAL_CONVICTION" | "PUBLIC_ORDER" | "IMMIGRATION_VIOLATION";

export interface SyntheticEntryBan {
  id: string;
  personRef: string;
  issuedOn: string;
  validUntil: string;
  grounds: EntryBanGrounds;
  retainUntil: string;
}

export type ReturnReason = "OVERSTAY" | "IRREGULAR_ENTRY" | "CRIMINAL_CONVICTION" | "ASYLUM_REJECTED" | "VOLUNTARY";

export interface SyntheticDeporteeScreening {
  id: string;
  personRef: string;
  crossingPointCode: string;
  screenedOn: string;
  deportingCountry: string;
  returnReason: ReturnReason;
  /** Indicators of trafficking noted at screening (empty when none). */
  traffickingIndicators: string[];
  /** Health needs noted at screening, null when none. */
  healthNeeds: string | null;
  consentToShare: boolean;
  retainUntil: string;
}

export type PermitType = "FAMILY" | "EDUCATION" | "REMUNERATED" | "HUMANITARIAN" | "PERMANENT" | "OTHER";
export type PermitStatus = "VALID" | "EXPIRED" | "REVOKED";

export interface SyntheticResidencePermit {
  permitNumber: string;
  personRef: string;
  permitType: PermitType;
  /** First permit issued to this person (the statistics count first permits). */
  firstPermit: boolean;
  issuedOn: string;
  validUntil: string;
  status: PermitStatus;
  employer: string | null;
  /** Region (REGIONS code) of the holder's residence address. */
  residenceRegion: string;
  /** Yerevan district of the residence address; null outside Yerevan, where no district is recorded. */
  residenceDistrict: string | null;
  retainUntil: string;
}

export type AsylumGround =
  | "POLITICAL_OPINION"
  | "RELIGION"
  | "ETHNICITY"
  | "NATIONALITY"
  | "SEXUAL_ORIENTATION"
  | "PARTICULAR_SOCIAL_GROUP"
  | "ARMED_CONFLICT";
export type AsylumOutcome = "PENDING" | "REFUGEE_STATUS" | "SUBSIDIARY_PROTECTION" | "HUMANITARIAN_STATUS" | "REJECTED";

export interface SyntheticAsylumApplication {
  applicationId: string;
  personRef: string;
  lodgedOn: string;
  firstTime: boolean;
  countryOfOrigin: string;
  grounds: AsylumGround[];
  unaccompaniedMinor: boolean;
  outcome: AsylumOutcome;
  decidedOn: string | null;
  retainUntil: string;
}

export type ReturnGrounds = "IRREGULAR_STAY" | "REJECTED_ASYLUM" | "CRIMINAL_CONVICTION" | "PUBLIC_ORDER";
export type ReturnStatus = "ISSUED" | "VOLUNTARY_DEPARTURE" | "ENFORCED" | "SUSPENDED";

export interface SyntheticReturnDecision {
  decisionId: string;
  personRef: string;
  issuedOn: string;
  grounds: ReturnGrounds;
  voluntaryDepartureUntil: string | null;
  status: ReturnStatus;
  returnedOn: string | null;
  destinationCountry: string;
  retainUntil: string;
}

export type ExploitationForm = "SEXUAL" | "LABOUR" | "FORCED_CRIMINALITY" | "BEGGING" | "DOMESTIC_SERVITUDE" | "MIXED";
export type AssistanceKind = "SHELTER" | "MEDICAL" | "PSYCHOSOCIAL" | "LEGAL" | "REINTEGRATION" | "VOLUNTARY_RETURN";

export interface SyntheticTraffickingCase {
  caseId: string;
  personRef: string;
  identifiedOn: string;
  formOfExploitation: ExploitationForm;
  countryOfExploitation: string;
  screeningInterviewOn: string;
  assistanceInterviewOn: string | null;
  assistance: AssistanceKind[];
  /** Subject (user id) of the caseworker assigned to the case. */
  assignedCaseworker: string;
  consentToShare: boolean;
  reflectionPeriodUntil: string;
  status: "OPEN" | "CLOSED";
  /** Region (REGIONS code) where the victim was identified. */
  identifiedRegion: string;
  retainUntil: string;
}

export interface SyntheticWorld {
  /** The date the world is generated as of; relative dates (minors, validity) use it. */
  asOf: string;
  countries: SyntheticCountry[];
  crossingPoints: SyntheticCrossingPoint[];
  /** The hub country's regions and the districts the agencies record. */
  regions: SyntheticRegion[];
  persons: SyntheticPerson[];
  travelDocuments: SyntheticTravelDocument[];
  crossings: SyntheticBorderCrossing[];
  entryRefusals: SyntheticEntryRefusal[];
  entryBans: SyntheticEntryBan[];
  deporteeScreenings: SyntheticDeporteeScreening[];
  residencePermits: SyntheticResidencePermit[];
  asylumApplications: SyntheticAsylumApplication[];
  returnDecisions: SyntheticReturnDecision[];
  traffickingCases: SyntheticTraffickingCase[];
  /** The Statistics Office's household migration survey: its own sample, linked to no register. */
  survey: SyntheticSurvey;
}

export interface WorldOptions {
  /** Number of persons; default 3000. */
  persons: number;
  /** Seed of the pseudo-random generator; same options, same world. Default 20261125. */
  seed?: number;
  /** Reference date, `YYYY-MM-DD`; default 2026-11-01. */
  asOf?: string;
  /** Key of the keyed hash that derives personRef from the national id. */
  pseudonymKey?: string;
}

/** Subjects of the demo trafficking caseworkers; cases are assigned among them. */
export const CASEWORKERS = ["caseworker-01", "caseworker-02", "caseworker-03", "caseworker-04"] as const;
