/** The report's controls: a template (from `profileTemplates`) and a year; the profile is asked for when the form is sent. */
import { useId, useState, type FormEvent } from "react";
import type { ReportChoice } from "./reportParams";
import type { ProfileTemplate } from "./queries";

/** The template the Statistics Office serves when none is named. */
export const DEFAULT_TEMPLATE = "NATIONAL_EXTENDED";

const FIRST_YEAR = 1990;

export interface ProfileChooserProps {
  templates: ProfileTemplate[];
  choice: ReportChoice;
  onChoose: (choice: ReportChoice) => void;
}

export function ProfileChooser({ templates, choice, onChoose }: ProfileChooserProps) {
  const id = useId();
  const [template, setTemplate] = useState(choice.template);
  const [year, setYear] = useState(String(choice.year));
  const lastYear = new Date().getUTCFullYear();
  const chosen = templates.find((t) => t.id === template);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const y = Number(year);
    if (Number.isInteger(y) && y >= FIRST_YEAR && y <= lastYear) onChoose({ template, year: y });
  };

  return (
    <form className="report-controls no-print" data-testid="report-controls" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-template`}>Template</label>
        <select
          id={`${id}-template`}
          data-testid="report-template"
          value={template}
          onChange={(e) => setTemplate(e.target.value)}
        >
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-year`}>Year</label>
        <input
          id={`${id}-year`}
          data-testid="report-year"
          type="number"
          inputMode="numeric"
          min={FIRST_YEAR}
          max={lastYear}
          step={1}
          required
          value={year}
          onChange={(e) => setYear(e.target.value)}
        />
      </div>
      <button type="submit" data-testid="report-show">
        Show profile
      </button>
      {chosen ? (
        <p className="notice report-controls__about">
          {chosen.indicators.length} indicators{chosen.adoptedBy ? `; adopted by ${chosen.adoptedBy}` : ""}.
        </p>
      ) : null}
    </form>
  );
}

/** The template to show: the chosen one if the Statistics Office serves it, else its default, else its first. */
export function templateOf(templates: ProfileTemplate[], wanted: string): string {
  const ids = templates.map((t) => t.id);
  if (ids.includes(wanted)) return wanted;
  return ids.includes(DEFAULT_TEMPLATE) ? DEFAULT_TEMPLATE : (ids[0] ?? "");
}
