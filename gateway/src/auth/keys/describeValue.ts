/** Quotes a value from a hostile source for a log line or an operator's message: one short printable line. */
const MAX_CHARS = 120;

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  let text: string;
  try {
    text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? typeof value);
  } catch {
    text = typeof value;
  }
  // JSON.stringify already escapes control characters in strings; what remains outside ASCII is dropped.
  const printable = text.replace(/[^\x20-\x7e]/g, "?");
  return printable.length > MAX_CHARS ? `${printable.slice(0, MAX_CHARS)}...` : printable;
}
