/** One disaggregation of an indicator as a table: a row per code, female / male / total side by side, the total last. */
import { codeLabel, type LabelContext } from "./codes";
import { ObservationCell } from "./ObservationValue";
import type { SexRow, SexTable } from "./profileTables";

export interface SexTableViewProps {
  table: SexTable;
  caption: string;
  /** The heading of the first column (the dimension's title). */
  title: string;
  labels: LabelContext;
}

function Row({ row, label, total = false }: { row: SexRow; label: string; total?: boolean }) {
  return (
    <tr className={total ? "row--total" : row.depth ? "row--nested" : undefined}>
      <th scope="row">{label}</th>
      <ObservationCell observation={row.female} />
      <ObservationCell observation={row.male} />
      <ObservationCell observation={row.total} />
    </tr>
  );
}

export function SexColumns({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="num">
          Female
        </th>
        <th scope="col" className="num">
          Male
        </th>
        <th scope="col" className="num">
          Total
        </th>
      </tr>
    </thead>
  );
}

export function SexTableView({ table, caption, title, labels }: SexTableViewProps) {
  const label = (code: string) => codeLabel(table.dimension, code, labels);
  return (
    <div className="table-block" data-testid={`table-${table.dimension}`}>
      <table className="sex-table">
        <caption>{caption}</caption>
        <SexColumns first={title} />
        {table.groups.map((group, i) => (
          <tbody key={group.label ?? i}>
            {group.label ? (
              <tr className="row--group">
                <th scope="rowgroup" colSpan={4}>
                  {group.label}
                </th>
              </tr>
            ) : null}
            {group.rows.map((row) => (
              <Row key={row.code} row={row} label={label(row.code)} />
            ))}
          </tbody>
        ))}
        <tbody>
          <Row row={table.total} label="Total" total />
        </tbody>
      </table>
    </div>
  );
}
