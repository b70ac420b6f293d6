/** `migrationServiceStatistics`: the Migration Service's indicators, protected before they leave it. */
import { statisticsResolver } from "@hub/kit";
import { MIGRATION_SERVICE_INDICATORS } from "./migrationServiceIndicators";

export const MigrationServiceStatisticsResolver = statisticsResolver({
  field: "migrationServiceStatistics",
  typePrefix: "MigrationService",
  indicators: MIGRATION_SERVICE_INDICATORS,
});
