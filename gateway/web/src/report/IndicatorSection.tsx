/**
 * One indicator of the profile: what it counts and who released it under which disclosure regime,
 * the sex-disaggregated headline, a chart, and a table for each of the template's disaggregations.
 */
import { useId, useMemo, useState } from "react";
import { classificationOf } from "./classifications";
import { agencyName, codeLabel, dimensionTitle, regimeExplanation, unitWord, type LabelContext } from "./codes";
import { ObservationCell } from "./ObservationValue";
import {
  CHARTED_CITIZENSHIPS,
  chartDimension,
  chartRows,
  nothingToChart,
  sexTable,
  tableDimensions,
  type Dimension,
} from "./profileTables";
import type { MigrationProfileIndicator, Region } from "./queries";
import { SdmxDownload } from "./SdmxDownload";
import { SexBarChart } from "./SexBarChart";
import { SexColumns, SexTableView } from "./SexTableView";

export interface IndicatorSectionProps {
  entry: MigrationProfileIndicator;
  year: number;
  template: string;
  purpose: string;
  /** The Statistics Office's region code list, in its order, and by code. */
  regions: Region[];
  regionsByCode: ReadonlyMap<string, Region>;
}

export function IndicatorSection(props: IndicatorSectionProps) {
  const { entry, year, template, purpose, regions, regionsByCode } = props;
  const id = useId();
  const { indicator, cells } = entry;
  const dimensions = useMemo(() => tableDimensions(indicator.disaggregations), [indicator.disaggregations]);
  const tables = useMemo(() => dimensions.map((d) => sexTable(cells, d, regions)), [dimensions, cells, regions]);
  const [chartBy, setChartBy] = useState<Dimension | null>(() => chartDimension(dimensions));
  const charted = tables.find((t) => t.dimension === chartBy);
  const bars = charted ? chartRows(charted) : [];
  const labels: LabelContext = useMemo(
    () => ({ regions: regionsByCode, classification: classificationOf(indicator.code) }),
    [regionsByCode, indicator.code],
  );
  const unit = unitWord(indicator.unit);
  const title = (d: Dimension) => dimensionTitle(d, indicator.sourceIndicator, labels);

  return (
    <section
      className="indicator"
      id={`indicator-${indicator.code}`}
      aria-labelledby={`${id}-name`}
      data-testid="indicator"
      data-indicator={indicator.code}
    >
      <header className="indicator__head">
        <h2 id={`${id}-name`}>
          {indicator.name} <span className="indicator__code">{indicator.code}</span>
        </h2>
        <p className="indicator__description">{indicator.description}</p>
        <dl className="facts">
          <dt>Counted</dt>
          <dd>{unit}</dd>
          <dt>Source</dt>
          <dd data-testid="indicator-source">
            {agencyName(indicator.sourceAgency)} (<code>{indicator.sourceIndicator}</code>), aggregated by the agency
            and pulled through the hub
          </dd>
          <dt>Disclosure control</dt>
          <dd data-testid="indicator-regime">
            <strong>{indicator.regime}</strong> regime, applied by the source agency:{" "}
            {regimeExplanation(indicator.regime)}
          </dd>
        </dl>
        <SdmxDownload
          year={year}
          template={template}
          indicator={indicator.code}
          purpose={purpose}
          label="SDMX-CSV of this indicator"
        />
      </header>

      <div className="indicator__overview">
        <div className="table-block" data-testid="table-sex">
          <table className="sex-table">
            <caption>
              {indicator.name}, {year}: {unit} by sex
            </caption>
            <SexColumns first="Year" />
            <tbody>
              <tr>
                <th scope="row">{year}</th>
                <ObservationCell observation={entry.female} />
                <ObservationCell observation={entry.male} />
                <ObservationCell observation={entry.total} />
              </tr>
            </tbody>
          </table>
        </div>
        {charted && chartBy ? (
          <div className="indicator__chart">
            {dimensions.length > 1 ? (
              <div className="field field--inline no-print">
                <label htmlFor={`${id}-chart-by`}>Chart by</label>
                <select
                  id={`${id}-chart-by`}
                  data-testid="chart-by"
                  value={chartBy}
                  onChange={(e) => setChartBy(e.target.value as Dimension)}
                >
                  {dimensions.map((d) => (
                    <option key={d} value={d}>
                      {title(d).toLowerCase()}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <SexBarChart
              title={`${indicator.name}, ${year}: ${unit} by ${title(chartBy).toLowerCase()} and sex`}
              rows={bars}
              labelOf={(code) => codeLabel(chartBy, code, labels, true)}
              nameOf={(code) => codeLabel(chartBy, code, labels)}
              unit={unit}
              note={
                chartBy === "citizenship" && bars.length === CHARTED_CITIZENSHIPS
                  ? `The ${CHARTED_CITIZENSHIPS} citizenships with the largest totals; all are in the table.`
                  : undefined
              }
              empty={nothingToChart(bars)}
            />
          </div>
        ) : null}
      </div>

      {tables.length > 0 ? (
        <div className="indicator__tables">
          {tables.map((table) => (
            <SexTableView
              key={table.dimension}
              table={table}
              title={title(table.dimension)}
              caption={`${indicator.name}, ${year}: ${unit} by ${title(table.dimension).toLowerCase()} and sex`}
              labels={labels}
            />
          ))}
        </div>
      ) : null}
    </section>
  );
}
