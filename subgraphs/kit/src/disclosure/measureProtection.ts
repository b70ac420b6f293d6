/**
 * Measures protectTable on benchmark tables:
 * `node subgraphs/kit/dist/disclosure/measureProtection.js [tables] [records]`.
 * Prints the tables' size and the median and slowest time of one protection.
 */
import { performance } from "node:perf_hooks";
import { benchmarkTable } from "./benchmarkTable";
import { layOutTable } from "./layOutTable";
import { protectTable } from "./protectTable";

const [tables = 20, records = 1000] = process.argv.slice(2).map(Number);
const inputs = Array.from({ length: tables }, (_, i) => benchmarkTable(i + 1, records));
// One untimed pass, so that compiling the code is not counted as protecting the first table.
for (const { definition, counts } of inputs) protectTable(definition, counts, "STANDARD");
const times: number[] = [];
let suppressed = 0;
for (const { definition, counts } of inputs) {
  const start = performance.now();
  const { cells } = protectTable(definition, counts, "STANDARD");
  times.push(performance.now() - start);
  suppressed += cells.filter((c) => c.flag === "SUPPRESSED").length;
}
const layout = layOutTable((inputs[0] ?? benchmarkTable()).definition);
times.sort((a, b) => a - b);
const ms = (t: number | undefined) => `${(t ?? NaN).toFixed(1)} ms`;
process.stdout.write(
  `${tables} tables of ${records} records: ${layout.cells.length} cells, ${layout.lines.length} lines, ` +
    `${Math.round(suppressed / tables)} suppressed on average\n` +
    `protection: median ${ms(times[Math.floor(times.length / 2)])}, slowest ${ms(times[times.length - 1])}\n`,
);
