/**
 * A stacked bar chart in plain SVG: one bar per time bucket, one coloured segment per series, a
 * legend in words, and the same numbers as a table (hidden unless asked for, always read by screen
 * readers).
 */
import { useId, useState } from "react";
import { niceMax } from "../shared/niceMax";
import type { ChartModel } from "./chartData";
import { formatBucket } from "./format";

const W = 640;
const H = 220;
const M = { top: 12, right: 12, bottom: 34, left: 44 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
const MAX_X_LABELS = 6;
/** A lone bucket stays a bar, not a wall. */
const MAX_BAR_W = 48;

export interface StackedBarChartProps {
  title: string;
  model: ChartModel;
  hourly: boolean;
  /** What the bars count, for the summary ("requests", "denials"). */
  unit: string;
}

function summaryOf({ model, hourly, unit }: StackedBarChartProps): string {
  const first = model.buckets[0];
  const last = model.buckets.at(-1);
  if (!first || !last || model.total === 0) return `No ${unit} in this range.`;
  const span =
    first === last ? formatBucket(first, hourly) : `${formatBucket(first, hourly)} to ${formatBucket(last, hourly)}`;
  const parts = model.series.map((s) => `${s.label} ${s.total}`).join(", ");
  return `${model.total} ${unit} from ${span}, ${hourly ? "per hour" : "per day"}: ${parts}.`;
}

export function StackedBarChart(props: StackedBarChartProps) {
  const { title, model, hourly } = props;
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const n = model.buckets.length;
  const top = niceMax(Math.max(0, ...model.totals));
  const y = (v: number) => M.top + PLOT_H - (v / top) * PLOT_H;
  const slot = n > 0 ? PLOT_W / n : PLOT_W;
  const barW = Math.min(MAX_BAR_W, Math.max(1, slot * 0.8));
  const ticks = top === 1 ? [0, 1] : [0, top / 2, top];
  const labelEvery = Math.max(1, Math.ceil(n / MAX_X_LABELS));
  const summary = summaryOf(props);

  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart__title">
        {title}
      </figcaption>
      <p id={`${id}-summary`} className="chart__summary">
        {summary}
      </p>
      {model.total > 0 ? (
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
                  {t}
                </text>
              </g>
            ))}
            {model.buckets.map((bucket, i) => {
              const x = M.left + i * slot + (slot - barW) / 2;
              let base = 0;
              return (
                <g key={bucket}>
                  {model.series.map((s, j) => {
                    const v = model.values[i]?.[j] ?? 0;
                    if (v === 0) return null;
                    const rect = (
                      <rect
                        key={s.key}
                        x={x}
                        y={y(base + v)}
                        width={barW}
                        height={y(base) - y(base + v)}
                        fill={s.colour}
                        className="chart__bar"
                      >
                        <title>{`${formatBucket(bucket, hourly)} · ${s.label}: ${v}`}</title>
                      </rect>
                    );
                    base += v;
                    return rect;
                  })}
                  {i % labelEvery === 0 ? (
                    <text
                      x={M.left + i * slot + slot / 2}
                      y={H - M.bottom + 16}
                      className="chart__tick"
                      textAnchor="middle"
                    >
                      {formatBucket(bucket, hourly)}
                    </text>
                  ) : null}
                </g>
              );
            })}
            <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} className="chart__axis" />
          </svg>
          <ul className="chart__legend" aria-label={`Legend: ${title}`}>
            {model.series.map((s) => (
              <li key={s.key}>
                <svg width="12" height="12" aria-hidden="true" focusable="false">
                  <rect width="12" height="12" fill={s.colour} />
                </svg>{" "}
                {s.label} ({s.total})
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="link-button no-print"
            aria-expanded={showTable}
            aria-controls={`${id}-table`}
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? "Hide table" : "Show as table"}
          </button>
          <div id={`${id}-table`} className={showTable ? "table-scroll" : "visually-hidden"}>
            <table>
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{hourly ? "Hour" : "Day"}</th>
                  {model.series.map((s) => (
                    <th scope="col" key={s.key}>
                      {s.label}
                    </th>
                  ))}
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {model.buckets.map((bucket, i) => (
                  <tr key={bucket}>
                    <th scope="row">{formatBucket(bucket, hourly)}</th>
                    {model.series.map((s, j) => (
                      <td key={s.key}>{model.values[i]?.[j] ?? 0}</td>
                    ))}
                    <td>{model.totals[i] ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </figure>
  );
}
