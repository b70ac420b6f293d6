/** Public entry point of disclosure control: what an agency needs to protect its aggregates. */
export { protectTable } from "./protectTable";
export type { DisclosureFlag, ProtectedCell, ProtectedTable } from "./protectTable";
export { flatDimension, hierarchicalDimension } from "./TableDefinition";
export type {
  CellCount,
  Coordinates,
  CubeDimension,
  Dimension,
  DimensionLine,
  TableDefinition,
} from "./TableDefinition";
export { ageDimension, AGE_BANDS, AGE_TOTAL, BROAD_AGE_GROUPS, MINOR_AGE_CODES } from "./ageDimension";
export { regimeFor, regimeRules, roundToBase } from "./DisclosureRegime";
export type { DisclosureRegime, RegimeRules } from "./DisclosureRegime";
export { layOutTable } from "./layOutTable";
export type { TableLayout } from "./layOutTable";
export { derivableCells } from "./derivableCells";
export type { Line } from "./derivableCells";
