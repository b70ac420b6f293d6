/** The console's filters: what the form holds, and the `AuditEventFilter` the queries and the export send. */
import type { AuditEventFilter, Bucket } from "./queries";

/** As typed: times are `datetime-local` values in the browser's time zone. */
export interface FilterValues {
  from: string;
  to: string;
  agency: string;
  purpose: string;
  outcome: string;
  ruleId: string;
  personRef: string;
  issuer: string;
  clientId: string;
  authenticationReason: string;
}

export const EMPTY_FILTER: FilterValues = {
  from: "",
  to: "",
  agency: "",
  purpose: "",
  outcome: "",
  ruleId: "",
  personRef: "",
  issuer: "",
  clientId: "",
  authenticationReason: "",
};

/** An ISO instant from a `datetime-local` value, or undefined when it is empty or not a time. */
export function instantOf(local: string): string | undefined {
  if (!local.trim()) return undefined;
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** The filter to send: empty fields left out, times as ISO instants. */
export function toFilter(values: FilterValues): AuditEventFilter {
  const filter: AuditEventFilter = {};
  const from = instantOf(values.from);
  const to = instantOf(values.to);
  if (from) filter.from = from;
  if (to) filter.to = to;
  for (const key of [
    "agency",
    "purpose",
    "outcome",
    "ruleId",
    "personRef",
    "issuer",
    "clientId",
    "authenticationReason",
  ] as const) {
    const value = values[key].trim();
    if (value) filter[key] = value;
  }
  return filter;
}

/** What is wrong with the values, or null: the form says so rather than send a filter that matches nothing. */
export function filterProblem(values: FilterValues): string | null {
  if (values.from.trim() && !instantOf(values.from)) return "The start of the time range is not a valid time.";
  if (values.to.trim() && !instantOf(values.to)) return "The end of the time range is not a valid time.";
  const from = instantOf(values.from);
  const to = instantOf(values.to);
  if (from && to && from > to) return "The time range ends before it starts.";
  return null;
}

const HOUR_MS = 3_600_000;

/** Hours for up to three days, days beyond (and for an open-ended start). */
export function chooseBucket(filter: AuditEventFilter, now = Date.now()): Bucket {
  if (!filter.from) return "DAY";
  const span = (filter.to ? Date.parse(filter.to) : now) - Date.parse(filter.from);
  return span <= 72 * HOUR_MS ? "HOUR" : "DAY";
}

/** `datetime-local` text for an instant, in the browser's time zone (for the range presets). */
export function localInputValue(time: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}T${pad(time.getHours())}:${pad(time.getMinutes())}:${pad(time.getSeconds())}`;
}
