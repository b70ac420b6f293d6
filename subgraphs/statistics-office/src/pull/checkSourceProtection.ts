/**
 * The pull's check of a source table's protection as a whole, beyond each cell on its own: laid
 * out as any reader lays it out (the kit's code lists and lines, the ones the sources protect
 * with), it must be complete, its cells of minors must meet the strict threshold, and no
 * suppressed cell may be computable from the published ones through the table's sums.
 */
import { derivableCells, regimeRules, servedTableLayout, type ServedTableLayout } from "@hub/kit";
import type { IndicatorDefinition } from "../IndicatorDefinition.entity";
import type { SourceTable } from "./sourceTable";

/** Null when the table keeps the promises of its regime as a whole; otherwise what is wrong. */
export function protectionProblem(table: SourceTable, regime: IndicatorDefinition["regime"]): string | null {
  let served: ServedTableLayout;
  try {
    served = servedTableLayout(table);
  } catch (error) {
    return `cannot be laid out by the contract's code lists: ${(error as Error).message}`;
  }
  const { layout, coordinatesOf } = served;
  const rules = regimeRules(regime);
  const hidden = layout.cells.map(() => false);
  for (const cell of table.cells) {
    let index: number | undefined;
    try {
      index = layout.indexOf(coordinatesOf(cell));
    } catch (error) {
      return `has a cell that fits none of its cubes: ${(error as Error).message}`;
    }
    const key = keyOf(cell);
    if (index === undefined) return `has a cell ${key} that none of its cubes holds`;
    if (cell.value === null) hidden[index] = true;
    else if (layout.strict[index] && cell.value < rules.strictThreshold) {
      return `has a cell ${key} with the value ${cell.value}, below the ${regime} threshold of ${rules.strictThreshold} for persons under 18`;
    }
  }
  // Cells are distinct (checked before) and each is one of the layout's: equal counts mean every cell is there.
  if (table.cells.length !== layout.cells.length) {
    return `lacks ${layout.cells.length - table.cells.length} of the ${layout.cells.length} cells of its cubes`;
  }
  const derivable = derivableCells(layout.lines, hidden);
  if (derivable.length === 0) return null;
  const first = layout.cells[derivable[0] as number] ?? {};
  return `leaves ${derivable.length} suppressed cell(s) computable from the published cells and the totals, such as ${Object.values(first).join("|")}`;
}

function keyOf(cell: SourceTable["cells"][number]): string {
  return [cell.sex, cell.age, cell.citizenship, cell.region, cell.month, cell.breakdown].join("|");
}
