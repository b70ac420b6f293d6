/**
 * Turns a table definition into what protection works on: the cells of all its cubes, each once
 * and numbered in canonical order, and every line (parts adding up to a total) among them.
 */
import type { Line } from "./derivableCells";
import type { Coordinates, CubeDimension, Dimension, TableDefinition } from "./TableDefinition";
import { checkDimensions } from "./checkDimensions";

export interface TableLayout {
  /** Every cell of every cube once, in canonical order (by dimension, each by its codes' order). */
  readonly cells: readonly Coordinates[];
  /** Lines over cell indices, each once, ordered by their total cell. */
  readonly lines: readonly Line[];
  /** Whether a cell has a strict code on some dimension. */
  readonly strict: readonly boolean[];
  /** The index of a cell; undefined when no cube publishes it. Unknown codes throw. */
  indexOf(coordinates: Coordinates): number | undefined;
}

/** A dimension as one cube uses it: positions of its codes there, and the lines among them. */
interface CubeAxis {
  readonly dimension: number;
  readonly positions: readonly number[];
  /** Index in the dimension's `lines`, and the line in code positions. */
  readonly lines: readonly { readonly index: number; readonly total: number; readonly parts: readonly number[] }[];
}

export function layOutTable(definition: TableDefinition): TableLayout {
  const { dimensions } = definition;
  checkDimensions(dimensions);
  const positionOf = dimensions.map((d) => new Map(d.codes.map((code, i) => [code, i])));
  // A cell's key is its code positions read as a mixed-radix number: key order is canonical order.
  const strides = dimensions.map((_, d) => dimensions.slice(d + 1).reduce((s, next) => s * next.codes.length, 1));
  if (dimensions.reduce((s, d) => s * d.codes.length, 1) > Number.MAX_SAFE_INTEGER) {
    throw new Error("table definition has too many cells to number");
  }
  const cubes = definition.cubes.map((cube) => cubeAxes(cube, dimensions, positionOf));

  const keys = new Set<number>();
  for (const axes of cubes) for (const key of keySums(axes, strides)) keys.add(key);
  const sortedKeys = [...keys].sort((a, b) => a - b);
  const indexOfKey = new Map(sortedKeys.map((key, i) => [key, i]));
  const lines = cubeLines(cubes, strides, (key) => indexOfKey.get(key) as number);
  const cells = sortedKeys.map((key) => coordinatesOf(key, dimensions, strides));
  const strictCodes = dimensions.map((d) => new Set(d.strictCodes ?? []));
  return {
    cells,
    lines,
    strict: cells.map((c) => dimensions.some((d, i) => (strictCodes[i] as Set<string>).has(c[d.id] as string))),
    indexOf(coordinates) {
      const extra = Object.keys(coordinates).find((id) => !dimensions.some((d) => d.id === id));
      if (extra !== undefined) throw new Error(`cell has a dimension the table does not define: ${extra}`);
      let key = 0;
      dimensions.forEach((d, i) => {
        const code = coordinates[d.id];
        if (code === undefined) throw new Error(`cell has no code for dimension ${d.id}`);
        const position = (positionOf[i] as Map<string, number>).get(code);
        if (position === undefined) throw new Error(`unknown code ${code} of dimension ${d.id}`);
        key += position * (strides[i] as number);
      });
      return indexOfKey.get(key);
    },
  };
}

/**
 * Every cube's lines: each line of each of its dimensions, for each combination of its other
 * dimensions' codes. Cubes share lines along their common margins; each is kept once.
 */
function cubeLines(cubes: readonly CubeAxis[][], strides: readonly number[], cellOf: (key: number) => number): Line[] {
  const lines: { line: Line; dimension: number; index: number }[] = [];
  const seen = new Set<string>();
  for (const axes of cubes) {
    for (const axis of axes) {
      const stride = strides[axis.dimension] as number;
      const others = axes.filter((a) => a !== axis);
      for (const base of keySums(others, strides)) {
        for (const { index, total, parts } of axis.lines) {
          const line = { total: cellOf(base + total * stride), parts: parts.map((p) => cellOf(base + p * stride)) };
          // The total cell fixes every other coordinate: with the dimension and line it names the line.
          const id = `${axis.dimension}:${index}:${line.total}`;
          if (seen.has(id)) continue;
          seen.add(id);
          lines.push({ line, dimension: axis.dimension, index });
        }
      }
    }
  }
  // By total cell: the order of lines follows the cells', not the order the cubes are listed in.
  lines.sort((a, b) => a.line.total - b.line.total || a.dimension - b.dimension || a.index - b.index);
  return lines.map((l) => l.line);
}

/** Keys of every combination of the axes' codes, every other dimension at its total (position 0). */
function keySums(axes: readonly CubeAxis[], strides: readonly number[]): number[] {
  let sums = [0];
  for (const axis of axes) {
    const stride = strides[axis.dimension] as number;
    sums = sums.flatMap((s) => axis.positions.map((p) => s + p * stride));
  }
  return sums;
}

function cubeAxes(
  cube: readonly CubeDimension[],
  dimensions: readonly Dimension[],
  positionOf: readonly Map<string, number>[],
): CubeAxis[] {
  const used = new Set<number>();
  return cube.map((entry) => {
    const id = typeof entry === "string" ? entry : entry.dimension;
    const dimension = dimensions.findIndex((d) => d.id === id);
    if (dimension < 0) throw new Error(`cube names unknown dimension ${id}`);
    if (used.has(dimension)) throw new Error(`cube names dimension ${id} twice`);
    used.add(dimension);
    const { codes, total, lines } = dimensions[dimension] as Dimension;
    const chosen = new Set(typeof entry === "string" ? codes : entry.codes);
    for (const code of chosen) if (!codes.includes(code)) throw new Error(`cube uses unknown code ${code} of ${id}`);
    if (!chosen.has(total)) throw new Error(`cube uses codes of ${id} without its total ${total}`);
    const position = (code: string) => (positionOf[dimension] as Map<string, number>).get(code) as number;
    return {
      dimension,
      positions: [...chosen].map(position).sort((a, b) => a - b),
      // A line with a code the cube leaves out is no relation among the cube's cells.
      lines: lines.flatMap((l, index) =>
        [l.total, ...l.parts].every((c) => chosen.has(c))
          ? [{ index, total: position(l.total), parts: l.parts.map(position) }]
          : [],
      ),
    };
  });
}

function coordinatesOf(key: number, dimensions: readonly Dimension[], strides: readonly number[]): Coordinates {
  const coordinates: Record<string, string> = {};
  let rest = key;
  dimensions.forEach((d, i) => {
    const stride = strides[i] as number;
    coordinates[d.id] = d.codes[Math.floor(rest / stride)] as string;
    rest %= stride;
  });
  return coordinates;
}
