/** One disaggregation of an indicator as a table: a row per code, female / male / total side by side, the total last. */
import { codeLabel, type LabelContext } from "./codes";
import { ObservationCell, SuppressedMark } from "./ObservationValue";
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

/** The citizenships whose every figure is suppressed, in one row that names them. */
function FoldedRow({ codes, label }: { codes: string[]; label: (code: string) => string }) {
  return (
    <tr className="row--folded" data-testid="folded-row">
      <th scope="row">
        {codes.length} other {codes.length === 1 ? "citizenship" : "citizenships"}, each suppressed
        <span className="row__names">{codes.map(label).join(", ")}</span>
      </th>
      {["female", "male", "total"].map((column) => (
        <td key={column} className="num" data-flag="SUPPRESSED">
          <SuppressedMark />
        </td>
      ))}
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
        {table.folded.length > 0 ? (
          <tbody>
            <FoldedRow codes={table.folded} label={label} />
          </tbody>
        ) : null}
        <tbody>
          <Row row={table.total} label="Total" total />
        </tbody>
      </table>
    </div>
  );
}
