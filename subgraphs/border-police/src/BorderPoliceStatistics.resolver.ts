/** `borderPoliceStatistics`: the Border Police's indicators, protected before they leave it. */
import { statisticsResolver } from "@hub/kit";
import { BORDER_POLICE_INDICATORS } from "./borderPoliceIndicators";

export const BorderPoliceStatisticsResolver = statisticsResolver({
  field: "borderPoliceStatistics",
  typePrefix: "BorderPolice",
  indicators: BORDER_POLICE_INDICATORS,
});
