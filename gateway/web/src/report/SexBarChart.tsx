/**
 * Female, male and total side by side for each code of one dimension, in plain SVG (no chart library,
 * nothing from a CDN). A suppressed figure is drawn as its mark on the axis, never as a bar; the
 * numbers themselves are in the tables beside the chart.
 */
import { useId } from "react";
import { niceMax } from "../shared/niceMax";
import { formatCount } from "./codes";
import type { SexRow } from "./profileTables";
import type { Observation } from "./queries";

const W = 720;
const H = 250;
const M = { top: 12, right: 8, bottom: 56, left: 56 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
/** A lone group keeps bars of a readable width. */
const MAX_BAR_W = 28;
/** Roughly the width of one axis character at the tick font size, to decide whether labels must slant. */
const CHAR_W = 6.5;
/** A suppressed figure on the axis: the tables' [c], short enough for a bar's width. */
const MARK = "c";

export const SERIES = [
  { key: "female", label: "Female", colour: "#D55E00" },
  { key: "male", label: "Male", colour: "#0072B2" },
  { key: "total", label: "Total", colour: "#5F6B7A" },
] as const;

export interface SexBarChartProps {
  title: string;
  rows: SexRow[];
  /** Short label of a row's code, for the axis. */
  labelOf: (code: string) => string;
  /** Full label of a row's code, for the bars' tooltips. */
  nameOf: (code: string) => string;
  unit: string;
  /** Said after the summary (which rows the chart leaves out, say). */
  note?: string;
  /** No figure to draw (all suppressed): the chart says so instead of drawing empty axes. */
  empty?: boolean;
}

const valueOf = (o: Observation | null) => (o && o.flag !== "SUPPRESSED" ? o.value : null);

function summaryOf({ rows, unit, note, empty }: SexBarChartProps): string {
  const suppressed = rows.flatMap((r) => SERIES.map((s) => r[s.key])).filter((o) => o?.flag === "SUPPRESSED").length;
  if (empty) return `Nothing to chart: every figure of these ${rows.length} groups is suppressed or zero.`;
  const what = `${rows.length} group${rows.length === 1 ? "" : "s"}, female, male and total ${unit} each`;
  const marks = suppressed > 0 ? `; ${suppressed} suppressed, marked ${MARK} on the axis.` : ".";
  return `${what}${marks}${note ? ` ${note}` : ""}`;
}

export function SexBarChart(props: SexBarChartProps) {
  const { title, rows, labelOf, nameOf } = props;
  const id = useId();
  const n = Math.max(1, rows.length);
  const largest = Math.max(0, ...rows.flatMap((r) => SERIES.map((s) => valueOf(r[s.key]) ?? 0)));
  const top = niceMax(largest);
  const y = (v: number) => M.top + PLOT_H - (v / top) * PLOT_H;
  const slot = PLOT_W / n;
  const barW = Math.min(MAX_BAR_W, (slot * 0.8) / SERIES.length);
  const slant = Math.max(0, ...rows.map((r) => labelOf(r.code).length)) * CHAR_W > slot;
  const ticks = [0, top / 2, top];

  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-testid="sex-chart">
      <figcaption id={`${id}-title`} className="chart__title">
        {title}
      </figcaption>
      <p id={`${id}-summary`} className="chart__summary">
        {summaryOf(props)}
      </p>
      {props.empty ? null : (
        <>
          <svg
            viewBox={`0 0 ${W} ${H}`}
            className="chart__svg"
            role="img"
            aria-labelledby={`${id}-title`}
            aria-describedby={`${id}-summary`}
          >
            {ticks.map((t) => (
              <g key={t}>
                <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="chart__grid" />
                <text x={M.left - 6} y={y(t)} className="chart__tick" textAnchor="end" dominantBaseline="middle">
                  {formatCount(t)}
                </text>
              </g>
            ))}
            {rows.map((row, i) => {
              const left = M.left + i * slot + (slot - barW * SERIES.length) / 2;
              const centre = M.left + i * slot + slot / 2;
              const labelY = H - M.bottom + 14;
              return (
                <g key={row.code}>
                  {SERIES.map((s, j) => {
                    const observation = row[s.key];
                    const x = left + j * barW;
                    const tip = `${nameOf(row.code)} · ${s.label}: `;
                    if (observation?.flag === "SUPPRESSED")
                      return (
                        <text key={s.key} x={x + barW / 2} y={y(0) - 3} className="chart__mark" textAnchor="middle">
                          <title>{`${tip}suppressed`}</title>
                          {MARK}
                        </text>
                      );
                    const v = valueOf(observation);
                    if (v === null || v === 0) return null;
                    return (
                      <rect
                        key={s.key}
                        x={x}
                        y={y(v)}
                        width={barW}
                        height={y(0) - y(v)}
                        fill={s.colour}
                        className="chart__bar"
                      >
                        <title>{`${tip}${formatCount(v)}${observation?.flag === "ROUNDED" ? " (rounded)" : ""}`}</title>
                      </rect>
                    );
                  })}
                  <text
                    x={centre}
                    y={labelY}
                    className="chart__tick"
                    textAnchor={slant ? "end" : "middle"}
                    transform={slant ? `rotate(-40 ${centre} ${labelY})` : undefined}
                  >
                    {labelOf(row.code)}
                  </text>
                </g>
              );
            })}
            <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} className="chart__axis" />
          </svg>
          <ul className="chart__legend" aria-label={`Legend: ${title}`}>
            {SERIES.map((s) => (
              <li key={s.key}>
                <svg width="12" height="12" aria-hidden="true" focusable="false">
                  <rect width="12" height="12" fill={s.colour} />
                </svg>{" "}
                {s.label}
              </li>
            ))}
            <li>
              <span className="chart__mark-key" aria-hidden="true">
                {MARK}
              </span>{" "}
              suppressed (no bar)
            </li>
          </ul>
        </>
      )}
    </figure>
  );
}
