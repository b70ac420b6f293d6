/** The Statistics Office subgraph: its database, schema and loaders, as the kit runs them. */
import { syntheticSeed, type SyntheticWorld } from "@hub/synthetic";
import { buildFederatedSchema, type SubgraphDefinition } from "@hub/kit";
import { Country } from "./Country.entity";
import { CountryResolver, resolveCountryReference } from "./Country.resolver";
import { IndicatorDefinition } from "./IndicatorDefinition.entity";
import { IndicatorDefinitionResolver } from "./IndicatorDefinition.resolver";
import { createLoaders, type Context, type Loaders } from "./loaders";
import { MigrationProfileResolver } from "./MigrationProfile.resolver";
import { CreateStatisticsOfficeSchema1764028800000 } from "./migrations/1764028800000-CreateStatisticsOfficeSchema";
import { CreateHouseholdSurvey1764547200000 } from "./migrations/1764547200000-CreateHouseholdSurvey";
import { Observation } from "./Observation.entity";
import { ObservationResolver } from "./Observation.resolver";
import { seedStatisticsOffice } from "./seed";
import { surveyEntities, SurveyEstimatesResolver } from "./survey";

export const entities = [Country, IndicatorDefinition, Observation, ...surveyEntities];
export const migrations = [CreateStatisticsOfficeSchema1764028800000, CreateHouseholdSurvey1764547200000];

export const statisticsOffice: SubgraphDefinition<Loaders, SyntheticWorld> = {
  defaults: {
    name: "statistics-office",
    databaseUrlVariable: "STATISTICS_OFFICE_DATABASE_URL",
    embeddedDatabaseUrl: "postgres://postgres@127.0.0.1:54303/postgres",
    port: 4003,
  },
  entities,
  migrations,
  createLoaders,
  seed: syntheticSeed(seedStatisticsOffice),
  buildSchema: () =>
    buildFederatedSchema<Context>({
      resolvers: [
        CountryResolver,
        IndicatorDefinitionResolver,
        ObservationResolver,
        MigrationProfileResolver,
        SurveyEstimatesResolver,
      ],
      referenceResolvers: { Country: resolveCountryReference },
    }),
};
