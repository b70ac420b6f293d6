/**
 * The filter form: labelled inputs for the time range, agency, purpose, outcome, rule and person,
 * and the caller's identity provider (issuer, client id, why a login was refused); applied on submit.
 */
import { useId, useState, type FormEvent } from "react";
import { timeZone } from "./format";
import { EMPTY_FILTER, filterProblem, localInputValue, type FilterValues } from "./filters";
import { OUTCOMES } from "./queries";
import { AGENCIES, AUTHENTICATION_REASONS, PURPOSES, RULE_IDS } from "./vocabulary";

const REASONS = Object.keys(AUTHENTICATION_REASONS);

export interface FilterBarProps {
  applied: FilterValues;
  onApply: (values: FilterValues) => void;
}

interface TextFieldProps {
  name: keyof FilterValues;
  testId: string;
  label: string;
  values: FilterValues;
  onChange: (values: FilterValues) => void;
  suggestions?: readonly string[];
  placeholder?: string;
}

function TextField({ name, testId, label, values, onChange, suggestions, placeholder }: TextFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        data-testid={`filter-${testId}`}
        list={suggestions ? `${id}-list` : undefined}
        value={values[name]}
        placeholder={placeholder ?? "any"}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange({ ...values, [name]: e.target.value })}
      />
      {suggestions ? (
        <datalist id={`${id}-list`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      ) : null}
    </div>
  );
}

export function FilterBar({ applied, onApply }: FilterBarProps) {
  const id = useId();
  const [values, setValues] = useState<FilterValues>(applied);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = filterProblem(values);
    setError(problem);
    if (!problem) onApply(values);
  };

  const lastHours = (hours: number) => {
    const next = { ...values, from: localInputValue(new Date(Date.now() - hours * 3_600_000)), to: "" };
    setValues(next);
    setError(null);
    onApply(next);
  };

  const clear = () => {
    setValues(EMPTY_FILTER);
    setError(null);
    onApply(EMPTY_FILTER);
  };

  return (
    <form className="filters no-print" aria-label="Filters" onSubmit={submit}>
      <fieldset className="filters__range">
        <legend>Time range ({timeZone()})</legend>
        <div className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <input
            id={`${id}-from`}
            type="datetime-local"
            step={1}
            data-testid="filter-from"
            value={values.from}
            onChange={(e) => setValues({ ...values, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <input
            id={`${id}-to`}
            type="datetime-local"
            step={1}
            data-testid="filter-to"
            value={values.to}
            onChange={(e) => setValues({ ...values, to: e.target.value })}
          />
        </div>
        <div className="filters__presets" role="group" aria-label="Quick ranges">
          <button type="button" className="secondary" onClick={() => lastHours(1)}>
            Last hour
          </button>
          <button type="button" className="secondary" onClick={() => lastHours(24)}>
            Last 24 h
          </button>
          <button type="button" className="secondary" onClick={() => lastHours(24 * 7)}>
            Last 7 days
          </button>
        </div>
      </fieldset>
      <TextField
        name="agency"
        testId="agency"
        label="Agency"
        values={values}
        onChange={setValues}
        suggestions={AGENCIES}
      />
      <TextField
        name="purpose"
        testId="purpose"
        label="Purpose"
        values={values}
        onChange={setValues}
        suggestions={PURPOSES}
      />
      <div className="field">
        <label htmlFor={`${id}-outcome`}>Outcome</label>
        <select
          id={`${id}-outcome`}
          data-testid="filter-outcome"
          value={values.outcome}
          onChange={(e) => setValues({ ...values, outcome: e.target.value })}
        >
          <option value="">any</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
      <TextField
        name="ruleId"
        testId="rule"
        label="Rule id"
        values={values}
        onChange={setValues}
        suggestions={RULE_IDS}
      />
      <TextField
        name="personRef"
        testId="person"
        label="Person (personRef)"
        values={values}
        onChange={setValues}
        placeholder="any person"
      />
      <fieldset>
        <legend>Identity provider</legend>
        <TextField
          name="issuer"
          testId="issuer"
          label="Issuer"
          values={values}
          onChange={setValues}
          placeholder="any issuer"
        />
        <TextField
          name="clientId"
          testId="client"
          label="Client id"
          values={values}
          onChange={setValues}
          placeholder="any client"
        />
        <TextField
          name="authenticationReason"
          testId="auth-reason"
          label="Login refused for"
          values={values}
          onChange={setValues}
          suggestions={REASONS}
          placeholder="any reason"
        />
      </fieldset>
      <div className="filters__actions">
        <button type="submit" data-testid="filter-apply">
          Apply filters
        </button>
        <button type="button" className="secondary" data-testid="filter-clear" onClick={clear}>
          Clear
        </button>
      </div>
      {error ? (
        <p role="alert" className="error filters__error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
