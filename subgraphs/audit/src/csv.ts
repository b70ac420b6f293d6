/** CSV as RFC 4180 writes it: CRLF line ends, fields with a comma, quote or line break quoted. */

/**
 * A spreadsheet runs a cell starting with = + - @ (or a tab or carriage return) as a formula; such a
 * value is written with a leading apostrophe so that opening an export runs nothing (OWASP CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (values: readonly (string | number | boolean | null | undefined)[]): string =>
  `${values.map(csvField).join(",")}\r\n`;
