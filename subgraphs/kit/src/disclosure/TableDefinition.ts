/**
 * What an aggregate table is made of, for disclosure control: its dimensions with their additive
 * relations, and the cubes (cross-tabulations) published from it.
 */

/** One additive relation of a dimension: the count of `total` is the sum of the counts of `parts`. */
export interface DimensionLine {
  readonly total: string;
  readonly parts: readonly string[];
}

/**
 * A dimension of a table (sex, age, citizenship, region, month, ...). A flat dimension has one
 * line (total = sum of the other codes); a hierarchy has one per level (TOTAL = sum of regions,
 * each region = sum of its districts), as the age dimension does (TOTAL = under and over 18,
 * each = sum of its bands). Lines need not nest: two classifications over one total, each its
 * own line, are protected just as well, but a cell between them (a band's part on one side of a
 * boundary) is then published by no cube and protected by no line.
 */
export interface Dimension {
  readonly id: string;
  readonly total: string;
  /** Canonical order, total first: the order cells are served in and ties are broken by. */
  readonly codes: readonly string[];
  readonly lines: readonly DimensionLine[];
  /** Codes whose cells take the strict threshold under the STANDARD regime (ages under 18). */
  readonly strictCodes?: readonly string[];
}

/**
 * A dimension of a cube: all its codes (the dimension's id), or only some of them, such as the
 * broad age groups of an age dimension that also has bands. A subset keeps the total and
 * the lines whose codes it all holds. Cells stay identified by the one dimension, so a broad
 * age cell is the same cell in every cube that publishes it.
 */
export type CubeDimension = string | { readonly dimension: string; readonly codes: readonly string[] };

/**
 * The tables of one indicator and period: every cube is protected together with the others, so
 * that no cube published beside another reveals what the other hid.
 */
export interface TableDefinition {
  readonly dimensions: readonly Dimension[];
  /** Each cube's cells: every combination of its dimensions' codes, the other dimensions at their total. */
  readonly cubes: readonly (readonly CubeDimension[])[];
}

/** A cell's code on every dimension of the table, by dimension id. */
export type Coordinates = Readonly<Record<string, string>>;

/** A raw count: what a GROUP BY gives for one cell. Cells not given count zero. */
export interface CellCount {
  readonly coordinates: Coordinates;
  readonly count: number;
}

/** A dimension whose total is the sum of all its other codes (sex, citizenship, month). */
export function flatDimension(
  id: string,
  total: string,
  parts: readonly string[],
  strictCodes: readonly string[] = [],
): Dimension {
  return { id, total, codes: [total, ...parts], lines: [{ total, parts }], strictCodes };
}

/** A two-level hierarchy: total = sum of the groups, each group with parts = sum of its parts. */
export function hierarchicalDimension(
  id: string,
  total: string,
  groups: readonly { readonly code: string; readonly parts: readonly string[] }[],
): Dimension {
  const nested = groups.filter((g) => g.parts.length > 0);
  return {
    id,
    total,
    codes: [total, ...groups.map((g) => g.code), ...nested.flatMap((g) => g.parts)],
    lines: [{ total, parts: groups.map((g) => g.code) }, ...nested.map((g) => ({ total: g.code, parts: g.parts }))],
  };
}
