/** What an agency needs to serve statistical tables (profile contract) from its own records. */
export { statisticalTableTypes } from "./statisticalTableTypes";
export type { StatisticalTableTypes } from "./statisticalTableTypes";
export type { StatisticalCell, StatisticalTable, StatisticalUnit } from "./StatisticalTable";
export type { Geography, StatisticalIndicator } from "./StatisticalIndicator";
export { StatisticalTables, TABLE_CACHE_MS } from "./StatisticalTables";
export { computeStatisticalTable, countIndicator } from "./computeStatisticalTable";
export { TOTAL, UNKNOWN } from "./codeLists";
export { statisticsResolver } from "./statisticsResolver";
export type { StatisticsFieldOptions } from "./statisticsResolver";
