/**
 * The Border Police's statistical indicators (profile contract): each one row per counted event
 * from its own tables, with sex, age and citizenship as the travel document states them and the
 * region of the crossing point where the event happened.
 */
import type { StatisticalIndicator } from "@hub/kit";
import { CROSSING_POINTS, HOME_COUNTRY } from "@hub/contracts";
import { CrossingDirection, EntryBanGrounds, ReturnReason } from "./enums";

/** Reasons of the standard refusal form, A to J. */
const REFUSAL_REASONS = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];

/** The regions with a crossing point: the only ones a border event can happen in. */
const BORDER_REGIONS = [...new Set(CROSSING_POINTS.map((p) => p.region))];

/** Crossings are instants; the statistics count them by the day at the border, in Armenia's time. */
const CROSSING_DAY = "(c.crossed_at AT TIME ZONE 'Asia/Yerevan')::date";

const CROSSING_ROWS = `SELECT ${CROSSING_DAY} AS event_date, d.holder_sex AS sex, d.holder_date_of_birth AS birth_date,
    d.holder_nationality AS citizenship, p.region, c.direction AS breakdown, c.direction
  FROM border_crossing c
  JOIN travel_document d ON d.document_number = c.document_number
  JOIN crossing_point p ON p.code = c.crossing_point`;

/**
 * Records without a document number (refusals, bans, screenings) are counted by the person's
 * document valid on the day, else the one issued last; ties by number, so a count never varies.
 */
function holderDocument(personRef: string, day: string): string {
  return `LEFT JOIN LATERAL (
    SELECT t.holder_sex, t.holder_date_of_birth, t.holder_nationality FROM travel_document t
    WHERE t.person_ref = ${personRef}
    ORDER BY (t.issued_on <= ${day} AND ${day} <= t.expires_on) DESC, t.issued_on DESC, t.document_number
    LIMIT 1
  ) AS d ON true`;
}

const HOLDER = "d.holder_sex AS sex, d.holder_date_of_birth AS birth_date, d.holder_nationality AS citizenship";

export const BORDER_POLICE_INDICATORS: readonly StatisticalIndicator[] = [
  {
    code: "CROSSINGS",
    unit: "CROSSINGS",
    regime: "STANDARD",
    breakdown: Object.values(CrossingDirection),
    geography: "REGION",
    regions: BORDER_REGIONS,
    rows: CROSSING_ROWS,
  },
  {
    code: "REFUSALS_OF_ENTRY",
    unit: "DECISIONS",
    regime: "STANDARD",
    breakdown: REFUSAL_REASONS,
    geography: "REGION",
    regions: BORDER_REGIONS,
    rows: `SELECT r.refused_on AS event_date, ${HOLDER}, p.region, r.reason AS breakdown
      FROM entry_refusal r JOIN crossing_point p ON p.code = r.crossing_point
      ${holderDocument("r.person_ref", "r.refused_on")}`,
  },
  {
    code: "ENTRY_BANS",
    unit: "DECISIONS",
    regime: "STANDARD",
    breakdown: Object.values(EntryBanGrounds),
    geography: null,
    rows: `SELECT b.issued_on AS event_date, ${HOLDER}, b.grounds AS breakdown
      FROM entry_ban b ${holderDocument("b.person_ref", "b.issued_on")}`,
  },
  {
    code: "DEPORTEES_SCREENED",
    unit: "PERSONS",
    regime: "STANDARD",
    breakdown: Object.values(ReturnReason),
    geography: "REGION",
    regions: BORDER_REGIONS,
    rows: `SELECT s.screened_on AS event_date, ${HOLDER}, p.region, s.return_reason AS breakdown
      FROM deportee_screening s JOIN crossing_point p ON p.code = s.crossing_point
      ${holderDocument("s.person_ref", "s.screened_on")}`,
  },
  {
    code: "RETURNING_NATIONALS",
    unit: "CROSSINGS",
    regime: "STANDARD",
    breakdown: null,
    geography: "REGION",
    regions: BORDER_REGIONS,
    // Nationals as their document states it: a dual national entering on a foreign passport is
    // counted as a foreigner, since nothing else at the border says otherwise.
    rows: `SELECT * FROM (${CROSSING_ROWS}) AS crossing
      WHERE direction = '${CrossingDirection.ENTRY}' AND citizenship = '${HOME_COUNTRY}'`,
  },
];
