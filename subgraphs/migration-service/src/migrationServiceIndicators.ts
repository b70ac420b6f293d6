/**
 * The State Migration Service's statistical indicators (profile contract): each one row per
 * counted event from its own tables, with the person's sex, date of birth and first citizenship
 * as registered.
 */
import type { StatisticalIndicator } from "@hub/kit";
import { AsylumOutcome, ExploitationForm, PermitType, ReturnGrounds } from "./enums";

const PERSON = "p.sex, p.date_of_birth AS birth_date, p.citizenships[1] AS citizenship";

export const MIGRATION_SERVICE_INDICATORS: readonly StatisticalIndicator[] = [
  {
    code: "FIRST_PERMITS",
    unit: "PERMITS",
    regime: "STANDARD",
    breakdown: Object.values(PermitType),
    geography: "DISTRICT",
    rows: `SELECT r.issued_on AS event_date, ${PERSON}, r.residence_region AS region,
        r.residence_district AS district, r.permit_type AS breakdown
      FROM residence_permit r JOIN person p ON p.person_ref = r.person_ref
      WHERE r.first_permit`,
  },
  {
    code: "ASYLUM_FIRST_TIME_APPLICANTS",
    unit: "PERSONS",
    regime: "STRICT",
    breakdown: null,
    geography: null,
    rows: `SELECT a.lodged_on AS event_date, ${PERSON}
      FROM asylum_application a JOIN person p ON p.person_ref = a.person_ref
      WHERE a.first_time`,
  },
  {
    code: "ASYLUM_FIRST_INSTANCE_DECISIONS",
    unit: "DECISIONS",
    regime: "STRICT",
    breakdown: Object.values(AsylumOutcome).filter((o) => o !== AsylumOutcome.PENDING),
    geography: null,
    rows: `SELECT a.decided_on AS event_date, ${PERSON}, a.outcome AS breakdown
      FROM asylum_application a JOIN person p ON p.person_ref = a.person_ref
      WHERE a.decided_on IS NOT NULL`,
  },
  {
    code: "ORDERS_TO_LEAVE",
    unit: "DECISIONS",
    regime: "STANDARD",
    breakdown: Object.values(ReturnGrounds),
    geography: null,
    rows: `SELECT d.issued_on AS event_date, ${PERSON}, d.grounds AS breakdown
      FROM return_decision d JOIN person p ON p.person_ref = d.person_ref`,
  },
  {
    code: "RETURNS",
    unit: "PERSONS",
    regime: "STANDARD",
    breakdown: null,
    geography: null,
    rows: `SELECT d.returned_on AS event_date, ${PERSON}
      FROM return_decision d JOIN person p ON p.person_ref = d.person_ref
      WHERE d.returned_on IS NOT NULL`,
  },
  {
    code: "TRAFFICKING_VICTIMS",
    unit: "CASES",
    regime: "STRICT",
    breakdown: Object.values(ExploitationForm),
    geography: "REGION",
    rows: `SELECT t.identified_on AS event_date, ${PERSON}, t.identified_region AS region,
        t.form_of_exploitation AS breakdown
      FROM trafficking_case t JOIN person p ON p.person_ref = t.person_ref`,
  },
];
