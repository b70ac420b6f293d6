/** Writes the synthetic world's household survey round into the Statistics Office's own tables. */
import type { EntityManager } from "typeorm";
import { bulkInsert } from "@hub/kit";
import type { SyntheticSurvey } from "@hub/synthetic";

export async function seedSurvey(db: EntityManager, survey: SyntheticSurvey): Promise<void> {
  await db.query("TRUNCATE survey_episode, survey_member, survey_household, survey_stratum");
  const { year, strata, households } = survey;
  await bulkInsert(
    db,
    "survey_stratum",
    ["survey_year", "region", "households_in_population", "households_sampled"],
    strata.map((s) => [year, s.region, s.householdsInPopulation, s.householdsSampled]),
  );
  await bulkInsert(
    db,
    "survey_household",
    ["id", "survey_year", "region", "weight", "interviewed_on", "receives_remittances", "remittance_band"],
    households.map((h) => [
      h.householdId,
      year,
      h.region,
      h.weight,
      h.interviewedOn,
      h.receivesRemittances,
      h.remittanceBand,
    ]),
  );
  const members = households.flatMap((h) => h.members.map((m) => ({ household: h.householdId, ...m })));
  await bulkInsert(
    db,
    "survey_member",
    ["id", "household_id", "line_number", "relationship", "sex", "age", "intends_to_return"],
    members.map((m) => [m.memberId, m.household, m.lineNumber, m.relationship, m.sex, m.age, m.intendsToReturn]),
  );
  await bulkInsert(
    db,
    "survey_episode",
    ["member_id", "sequence", "destination", "departure_year", "return_year", "reason"],
    members.flatMap((m) =>
      m.episodes.map((e, i) => [m.memberId, i + 1, e.destination, e.departureYear, e.returnYear, e.reason]),
    ),
  );
}
