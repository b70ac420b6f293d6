/** Calendar dates as whole days since 1970-01-01 (UTC), which makes date arithmetic cheap and exact. */

const MS_PER_DAY = 86_400_000;

export type Day = number;

/** `YYYY-MM-DD` to a day number. */
export function toDay(date: string): Day {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a valid date: ${date}`);
  return Math.round(ms / MS_PER_DAY);
}

/** Few distinct days occur (decades' worth), while records number in the hundreds of thousands. */
const formatted = new Map<Day, string>();

/** A day number to `YYYY-MM-DD`. */
export function formatDay(day: Day): string {
  let text = formatted.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    formatted.set(day, text);
  }
  return text;
}

/** Seconds since the epoch to an ISO 8601 UTC instant without fractional seconds. */
export function formatInstant(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}Z`;
}

export function dayToSeconds(day: Day): number {
  return day * 86_400;
}

/** Same calendar day `years` later (29 February falls on 1 March in non-leap years). */
export function addYears(day: Day, years: number): Day {
  const d = new Date(day * MS_PER_DAY);
  return Math.round(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()) / MS_PER_DAY);
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Whole years between a birth day and a later day. */
export function ageOn(birth: Day, on: Day): number {
  let age = yearOf(on) - yearOf(birth);
  if (addYears(birth, age) > on) age--;
  return age;
}
