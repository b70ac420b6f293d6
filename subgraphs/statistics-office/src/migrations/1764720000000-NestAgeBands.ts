/**
 * The age band 15-19 becomes 15-17 and 18-19, so that the bands nest in minors and adults: with a
 * band straddling 18, Y_LT18 less the bands under 15 gave a cell of 15-17-year-olds that no
 * threshold had protected. Pulls stored in the old bands go: their tables are the ones that could
 * give that cell away, and the sources no longer serve them; `npm run profile` pulls a year anew.
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

// The code lists before and after, as written here: a migration is history.
const BANDS_BEFORE = ["Y_LT5", "Y5-9", "Y10-14", "Y15-19"];
const BANDS_AFTER = ["Y_LT5", "Y5-9", "Y10-14", "Y15-17", "Y18-19"];
const FROM_20 = ["Y20-24", "Y25-29", "Y30-34", "Y35-39", "Y40-44", "Y45-49", "Y50-54", "Y55-59", "Y60-64"];
const OLDEST = ["Y65-69", "Y70-74", "Y75-79", "Y_GE80", "Y_LT18", "Y_GE18"];
const ages = (young: readonly string[]) => ["_T", "_U", ...young, ...FROM_20, ...OLDEST];
const sqlList = (codes: readonly string[]) => codes.map((c) => `'${c}'`).join(", ");

async function replaceAgeCodes(q: QueryRunner, gone: readonly string[], kept: readonly string[]): Promise<void> {
  // One statement: the foreign key of observation is checked at its end, after both deletes.
  await q.query(`WITH gone AS (SELECT DISTINCT pull_id FROM observation WHERE age IN (${sqlList(gone)})),
    cells AS (DELETE FROM observation WHERE pull_id IN (SELECT pull_id FROM gone))
    DELETE FROM profile_pull WHERE id IN (SELECT pull_id FROM gone)`);
  await q.query("ALTER TABLE observation DROP CONSTRAINT observation_age_check");
  await q.query(`ALTER TABLE observation ADD CONSTRAINT observation_age_check CHECK (age IN (${sqlList(kept)}))`);
}

export class NestAgeBands1764720000000 implements MigrationInterface {
  name = "NestAgeBands1764720000000";

  async up(q: QueryRunner): Promise<void> {
    await replaceAgeCodes(q, ["Y15-19"], ages(BANDS_AFTER));
  }

  async down(q: QueryRunner): Promise<void> {
    await replaceAgeCodes(q, ["Y15-17", "Y18-19"], ages(BANDS_BEFORE));
  }
}
