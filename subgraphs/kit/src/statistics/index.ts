/** What an agency needs to serve statistical tables (profile contract) from its own records. */
export { statisticalTableTypes } from "./statisticalTableTypes";
export type { StatisticalTableTypes } from "./statisticalTableTypes";
export type { StatisticalCell, StatisticalTable, StatisticalUnit } from "./StatisticalTable";
export type { Geography, StatisticalIndicator } from "./StatisticalIndicator";
export { StatisticalTables, TABLE_CACHE_MS } from "./StatisticalTables";
export { computeStatisticalTable, countIndicator } from "./computeStatisticalTable";
export { MONTHS, TOTAL, UNKNOWN, withUnknown } from "./codeLists";
export { statisticsResolver } from "./statisticsResolver";
export type { StatisticsFieldOptions } from "./statisticsResolver";
export { servedTableLayout } from "./servedTableLayout";
export type { ServedCellCodes, ServedTable, ServedTableLayout } from "./servedTableLayout";
