/**
 * The anomaly alarm's settings (R7-3): which categories count, two sliding windows with a ceiling
 * per caller and per agency, and the comparison with the caller's own history. The variables are
 * read with the gateway's others in loadConfig (config.ts); their meaning is in docs/policies.md.
 */
import { z } from "zod";
import { ConfigError, DATA_CATEGORIES, SPECIAL_CATEGORIES } from "@hub/contracts";
import type { SuspensionScope } from "@hub/contracts";

/** One sliding window: its length and the most disclosures a subject, and an agency, may receive in it (0: no ceiling). */
export interface AlarmWindow {
  seconds: number;
  ceilings: Record<SuspensionScope, number>;
}

export interface AlarmConfig {
  mode: "on" | "off";
  /** Categories whose disclosure counts: the special categories and identity, by default. */
  categories: readonly string[];
  short: AlarmWindow;
  long: AlarmWindow;
  /**
   * Beyond `factor` times the median of the caller's counts in each of the `periods` long windows
   * before the current one, and at least `floors` (0 factor: off). Compares the long window.
   */
  history: { factor: number; periods: number; floors: Record<SuspensionScope, number> };
  /** Redis key prefix of the counters, when they are in Redis. */
  keyPrefix: string;
}

export const DEFAULT_ALARM_CATEGORIES = ["IDENTITY", ...SPECIAL_CATEGORIES];

const count = (max: number, byDefault: number) => z.coerce.number().int().min(0).max(max).default(byDefault);

/** The variables of the alarm, spread into the gateway's configuration schema. */
export function alarmVariables() {
  return {
    HUB_ALARM: z.enum(["on", "off"]).default("on"),
    HUB_ALARM_CATEGORIES: z
      .string()
      .default(DEFAULT_ALARM_CATEGORIES.join(","))
      .transform((v) => v.split(",").flatMap((c) => (c.trim() ? [c.trim()] : [])))
      .refine((list) => list.length > 0 && list.every((c) => (DATA_CATEGORIES as readonly string[]).includes(c)), {
        message: `must list data categories, each one of ${DATA_CATEGORIES.join(", ")}`,
      }),
    HUB_ALARM_SHORT_SECONDS: z.coerce.number().int().min(10).max(86_400).default(600),
    HUB_ALARM_LONG_SECONDS: z.coerce.number().int().min(60).max(2_592_000).default(86_400),
    // Defaults far above one officer's day (hundreds of persons) and far below a harvest.
    HUB_ALARM_SUBJECT_SHORT_CEILING: count(10_000_000, 1_000),
    HUB_ALARM_SUBJECT_LONG_CEILING: count(10_000_000, 5_000),
    HUB_ALARM_AGENCY_SHORT_CEILING: count(100_000_000, 50_000),
    HUB_ALARM_AGENCY_LONG_CEILING: count(100_000_000, 500_000),
    HUB_ALARM_HISTORY_FACTOR: count(1000, 10),
    HUB_ALARM_HISTORY_PERIODS: z.coerce.number().int().min(1).max(90).default(14),
    HUB_ALARM_HISTORY_SUBJECT_FLOOR: count(10_000_000, 1_000),
    HUB_ALARM_HISTORY_AGENCY_FLOOR: count(100_000_000, 100_000),
    HUB_ALARM_PREFIX: z.string().min(1).max(100).default("hub:alarm"),
  };
}

type AlarmVariables = z.infer<z.ZodObject<ReturnType<typeof alarmVariables>>>;

export function alarmConfigOf(c: AlarmVariables): AlarmConfig {
  if (c.HUB_ALARM_LONG_SECONDS <= c.HUB_ALARM_SHORT_SECONDS) {
    throw new ConfigError("HUB_ALARM_LONG_SECONDS must be longer than HUB_ALARM_SHORT_SECONDS");
  }
  return {
    mode: c.HUB_ALARM,
    categories: c.HUB_ALARM_CATEGORIES,
    short: {
      seconds: c.HUB_ALARM_SHORT_SECONDS,
      ceilings: { SUBJECT: c.HUB_ALARM_SUBJECT_SHORT_CEILING, AGENCY: c.HUB_ALARM_AGENCY_SHORT_CEILING },
    },
    long: {
      seconds: c.HUB_ALARM_LONG_SECONDS,
      ceilings: { SUBJECT: c.HUB_ALARM_SUBJECT_LONG_CEILING, AGENCY: c.HUB_ALARM_AGENCY_LONG_CEILING },
    },
    history: {
      factor: c.HUB_ALARM_HISTORY_FACTOR,
      periods: c.HUB_ALARM_HISTORY_PERIODS,
      floors: { SUBJECT: c.HUB_ALARM_HISTORY_SUBJECT_FLOOR, AGENCY: c.HUB_ALARM_HISTORY_AGENCY_FLOOR },
    },
    keyPrefix: c.HUB_ALARM_PREFIX,
  };
}
