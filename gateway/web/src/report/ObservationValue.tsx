/**
 * One cell's figure as the source agency released it: the count, the count marked as rounded, or the
 * suppression mark with no number at all; seen and heard alike (the marks carry their words).
 */
import { formatCount } from "./codes";
import type { Observation } from "./queries";

/** The marks of the legend (FlagLegend) and of every cell. */
export const SUPPRESSED_MARK = "[c]";
export const ROUNDED_MARK = "r";
export const NO_CELL_MARK = "–";

/** The mark of a suppressed figure: seen as [c], heard as "suppressed", never with a number. */
export function SuppressedMark() {
  return (
    <span
      className="obs obs--suppressed"
      role="img"
      aria-label="suppressed"
      title="Suppressed by the source agency (confidential)"
      data-testid="suppressed"
    >
      {SUPPRESSED_MARK}
    </span>
  );
}

export function ObservationValue({ observation }: { observation: Observation | null }) {
  if (!observation)
    return (
      <span className="obs obs--none" role="img" aria-label="no figure" title="No figure served for this cell">
        {NO_CELL_MARK}
      </span>
    );
  if (observation.flag === "SUPPRESSED" || observation.value === null) return <SuppressedMark />;
  return (
    <span className="obs">
      {formatCount(observation.value)}
      {observation.flag === "ROUNDED" ? (
        <sup className="obs__flag" role="img" aria-label="rounded" title="Rounded to the nearest 5">
          {ROUNDED_MARK}
        </sup>
      ) : null}
    </span>
  );
}

/** A table cell for a figure, with its flag as an attribute for styling (and tests). */
export function ObservationCell({ observation }: { observation: Observation | null }) {
  return (
    <td className="num" data-flag={observation?.flag ?? "MISSING"}>
      <ObservationValue observation={observation} />
    </td>
  );
}
