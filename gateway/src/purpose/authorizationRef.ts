/**
 * The authorisation reference of a criminal investigation (R11-1), header
 * `X-Authorization-Ref: <reference>@<YYYY-MM-DD>`: a prosecutor's or judge's order and the date it
 * is valid until. Whether it is needed and current is the policy's decision; this only reads it.
 */
export const AUTHORIZATION_REF_HEADER = "x-authorization-ref";

export interface AuthorizationRef {
  reference: string;
  validUntil: string;
}

export type AuthorizationRefReading =
  { ok: true; value: AuthorizationRef | undefined } | { ok: false; message: string };

export function parseAuthorizationRef(header: string | undefined): AuthorizationRefReading {
  const value = header?.trim();
  if (!value) return { ok: true, value: undefined };
  const match = /^([A-Za-z0-9][A-Za-z0-9/._-]{2,99})@(\d{4}-\d{2}-\d{2})$/.exec(value);
  const date = match?.[2];
  if (!match?.[1] || !date || !isCalendarDate(date)) {
    return {
      ok: false,
      message:
        "X-Authorization-Ref must read <reference>@<YYYY-MM-DD>, the order's reference and the date it is valid until.",
    };
  }
  return { ok: true, value: { reference: match[1], validUntil: date } };
}

/** A date that exists (Date.parse rolls 2026-02-31 over to March; the audit store would refuse it). */
function isCalendarDate(day: string): boolean {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
}
