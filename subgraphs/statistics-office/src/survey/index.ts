/** The household migration survey's part of the Statistics Office subgraph: its tables, its resolver, its seed. */
import { SurveyEpisode } from "./SurveyEpisode.entity";
import { SurveyHousehold } from "./SurveyHousehold.entity";
import { SurveyMember } from "./SurveyMember.entity";
import { SurveyStratum } from "./SurveyStratum.entity";

export const surveyEntities = [SurveyStratum, SurveyHousehold, SurveyMember, SurveyEpisode];
export { SurveyEstimatesResolver } from "./SurveyEstimates.resolver";
export { seedSurvey } from "./seedSurvey";
