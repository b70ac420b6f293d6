/** GraphQL enums of the State Migration Service repository; their values are the stored codes. */
import { registerEnumType } from "type-graphql";

export enum Sex {
  FEMALE = "FEMALE",
  MALE = "MALE",
}
registerEnumType(Sex, { name: "Sex" });

export enum PermitType {
  FAMILY = "FAMILY",
  EDUCATION = "EDUCATION",
  REMUNERATED = "REMUNERATED",
  HUMANITARIAN = "HUMANITARIAN",
  PERMANENT = "PERMANENT",
  OTHER = "OTHER",
}
registerEnumType(PermitType, {
  name: "PermitType",
  description: "Reason for a residence permit, as the statistics count them.",
});

export enum PermitStatus {
  VALID = "VALID",
  EXPIRED = "EXPIRED",
  REVOKED = "REVOKED",
}
registerEnumType(PermitStatus, { name: "PermitStatus" });

export enum AsylumGround {
  POLITICAL_OPINION = "POLITICAL_OPINION",
  RELIGION = "RELIGION",
  ETHNICITY = "ETHNICITY",
  NATIONALITY = "NATIONALITY",
  SEXUAL_ORIENTATION = "SEXUAL_ORIENTATION",
  PARTICULAR_SOCIAL_GROUP = "PARTICULAR_SOCIAL_GROUP",
  ARMED_CONFLICT = "ARMED_CONFLICT",
}
registerEnumType(AsylumGround, { name: "AsylumGround" });

export enum AsylumOutcome {
  PENDING = "PENDING",
  REFUGEE_STATUS = "REFUGEE_STATUS",
  SUBSIDIARY_PROTECTION = "SUBSIDIARY_PROTECTION",
  HUMANITARIAN_STATUS = "HUMANITARIAN_STATUS",
  REJECTED = "REJECTED",
}
registerEnumType(AsylumOutcome, { name: "AsylumOutcome" });

/** Outcomes that make the applicant a holder of international or national protection. */
export const PROTECTION_OUTCOMES: ReadonlySet<AsylumOutcome> = new Set([
  AsylumOutcome.REFUGEE_STATUS,
  AsylumOutcome.SUBSIDIARY_PROTECTION,
  AsylumOutcome.HUMANITARIAN_STATUS,
]);

export enum ReturnGrounds {
  IRREGULAR_STAY = "IRREGULAR_STAY",
  REJECTED_ASYLUM = "REJECTED_ASYLUM",
  CRIMINAL_CONVICTION = "CRIMINAL_CONVICTION",
  PUBLIC_ORDER = "PUBLIC_ORDER",
}
registerEnumType(ReturnGrounds, { name: "ReturnGrounds" });

export enum ReturnStatus {
  ISSUED = "ISSUED",
  VOLUNTARY_DEPARTURE = "VOLUNTARY_DEPARTURE",
  ENFORCED = "ENFORCED",
  SUSPENDED = "SUSPENDED",
}
registerEnumType(ReturnStatus, { name: "ReturnStatus" });

export enum ExploitationForm {
  SEXUAL = "SEXUAL",
  LABOUR = "LABOUR",
  FORCED_CRIMINALITY = "FORCED_CRIMINALITY",
  BEGGING = "BEGGING",
  DOMESTIC_SERVITUDE = "DOMESTIC_SERVITUDE",
  MIXED = "MIXED",
}
registerEnumType(ExploitationForm, { name: "ExploitationForm" });

export enum AssistanceKind {
  SHELTER = "SHELTER",
  MEDICAL = "MEDICAL",
  PSYCHOSOCIAL = "PSYCHOSOCIAL",
  LEGAL = "LEGAL",
  REINTEGRATION = "REINTEGRATION",
  VOLUNTARY_RETURN = "VOLUNTARY_RETURN",
}
registerEnumType(AssistanceKind, { name: "AssistanceKind" });

export enum TraffickingCaseStatus {
  OPEN = "OPEN",
  CLOSED = "CLOSED",
}
registerEnumType(TraffickingCaseStatus, { name: "TraffickingCaseStatus" });
