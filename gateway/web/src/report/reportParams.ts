/** The report's choice (template and year) in the page address, so a profile can be bookmarked, shared and reloaded. */

export interface ReportChoice {
  /** A template id; empty for the Statistics Office's default template. */
  template: string;
  year: number;
}

/** The last complete calendar year: a profile describes a whole year. */
export function defaultYear(now = new Date()): number {
  return now.getUTCFullYear() - 1;
}

const YEAR = /^\d{4}$/;
const TEMPLATE = /^[A-Z][A-Z0-9_]*$/;

/** The choice in `?template=…&year=…`; what is missing or malformed falls back to the default. */
export function readChoice(search: string, now = new Date()): ReportChoice {
  const params = new URLSearchParams(search);
  const year = params.get("year") ?? "";
  const template = params.get("template") ?? "";
  return {
    template: TEMPLATE.test(template) ? template : "",
    year: YEAR.test(year) ? Number(year) : defaultYear(now),
  };
}

export function choiceSearch({ template, year }: ReportChoice): string {
  const params = new URLSearchParams();
  if (template) params.set("template", template);
  params.set("year", String(year));
  return `?${params.toString()}`;
}
