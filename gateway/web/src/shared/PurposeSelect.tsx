/** The declared purpose (X-Purpose): a labelled select of the purposes the signed-in token allows. */
import { useId } from "react";
import { claimsOf, getPurpose, setPurpose } from "./session";

/** The purposes a token allows (from its claims; the gateway checks them again). */
export function purposesOf(token: string | null): string[] {
  return claimsOf(token)?.purposes ?? [];
}

/** The session's purpose when the token allows it, otherwise the token's first purpose. */
export function initialPurpose(token: string | null): string {
  const allowed = purposesOf(token);
  const stored = getPurpose();
  return stored && allowed.includes(stored) ? stored : (allowed[0] ?? "");
}

export interface PurposeSelectProps {
  token: string | null;
  value: string;
  onChange: (purpose: string) => void;
}

export function PurposeSelect({ token, value, onChange }: PurposeSelectProps) {
  const id = useId();
  const purposes = purposesOf(token);
  return (
    <div className="field">
      <label htmlFor={id}>Purpose</label>
      <select
        id={id}
        data-testid="purpose"
        value={value}
        disabled={purposes.length === 0}
        onChange={(e) => {
          setPurpose(e.target.value);
          onChange(e.target.value);
        }}
      >
        {purposes.length === 0 ? <option value="">Sign in first</option> : null}
        {purposes.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </div>
  );
}
