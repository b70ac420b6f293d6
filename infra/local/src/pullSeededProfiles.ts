/**
 * The first start's profile pulls: every complete seeded year, both templates, through the gateway
 * as the Statistics Office's service client, one line per pull. A pull that fails is reported
 * and the next one tried: the hub runs on without that year's profile.
 */
import { openProfileStore, pullProfile } from "@hub/statistics-office";
import { describePull } from "./describePull";
import { yearsOf, type YearRange } from "./seededYears";

export const SEEDED_TEMPLATES = ["NATIONAL_EXTENDED", "REGIONAL_HARMONISED"] as const;

export interface SeededPulls {
  gatewayUrl: string;
  token: string;
  /** The Statistics Office's database. */
  databaseUrl: string;
  years: YearRange;
  report: (line: string) => void;
  /** Checked before each pull: a hub that is stopping is not pulled from. */
  stopping: () => boolean;
}

/** Resolves with the number of pulls that failed; never rejects. */
export async function pullSeededProfiles(options: SeededPulls): Promise<number> {
  let failed = 0;
  const db = await openProfileStore(options.databaseUrl).catch((error: unknown) => {
    options.report(`profile pulls skipped: ${(error as Error).message}`);
    return null;
  });
  if (!db) return SEEDED_TEMPLATES.length * yearsOf(options.years).length;
  try {
    for (const year of yearsOf(options.years)) {
      for (const template of SEEDED_TEMPLATES) {
        if (options.stopping()) return failed;
        try {
          options.report(describePull(await pullProfile({ ...options, year, template, db })));
        } catch (error) {
          failed += 1;
          options.report(`profile ${template} ${year} failed: ${(error as Error).message}`);
        }
      }
    }
  } finally {
    await db.destroy().catch(() => undefined);
  }
  return failed;
}
