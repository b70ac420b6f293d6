/** The key to the marks in every table of the profile: suppressed, rounded, no figure. */
import { NO_CELL_MARK, ROUNDED_MARK, SUPPRESSED_MARK } from "./ObservationValue";

export function FlagLegend() {
  return (
    <dl className="flag-legend" aria-label="Key to the marks in the tables" data-testid="flag-legend">
      <div>
        <dt>
          <span className="obs obs--suppressed">{SUPPRESSED_MARK}</span>
        </dt>
        <dd>
          suppressed (confidential): the source agency withheld the count, because it is small or because it would
          reveal one that is; no number is published
        </dd>
      </div>
      <div>
        <dt>
          <span className="obs__flag">{ROUNDED_MARK}</span>
        </dt>
        <dd>rounded to the nearest 5 by the source agency</dd>
      </div>
      <div>
        <dt>
          <span className="obs obs--none">{NO_CELL_MARK}</span>
        </dt>
        <dd>no figure for this cell in the pulled tables</dd>
      </div>
    </dl>
  );
}
