/** How the console writes times and empty values. */

const pad = (n: number) => String(n).padStart(2, "0");

/** `2026-11-25 14:03:07` in the browser's time zone. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A bucket's label: the day and hour in the browser's time zone, or the UTC day (days are UTC buckets). */
export function formatBucket(iso: string, hourly: boolean): string {
  return hourly ? `${formatTime(iso).slice(0, 13)}:00` : new Date(iso).toISOString().slice(0, 10);
}

export const timeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || "local time";

export const orDash = (value: string | null | undefined): string =>
  value === null || value === undefined || value === "" ? "—" : value;

export const listOrDash = (values: readonly string[]): string => (values.length ? values.join(", ") : "—");
