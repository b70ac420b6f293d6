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
import { CreateProfileStore1764201600000 } from "./migrations/1764201600000-CreateProfileStore";
import { CreateHouseholdSurvey1764547200000 } from "./migrations/1764547200000-CreateHouseholdSurvey";
import { NestAgeBands1764720000000 } from "./migrations/1764720000000-NestAgeBands";
import { Observation } from "./Observation.entity";
import { ObservationResolver } from "./Observation.resolver";
import { ProfilePull } from "./ProfilePull.entity";
import { ProfileTemplate, TemplateIndicator } from "./ProfileTemplate.entity";
import { ProfileTemplateResolver } from "./ProfileTemplate.resolver";
import { Region } from "./Region.entity";
import { RegionResolver } from "./Region.resolver";
import { seedStatisticsOffice } from "./seed";
import { surveyEntities, SurveyEstimatesResolver } from "./survey";

export const entities = [
  Country,
  Region,
  IndicatorDefinition,
  ProfileTemplate,
  TemplateIndicator,
  ProfilePull,
  Observation,
  ...surveyEntities,
];
export const migrations = [
  CreateStatisticsOfficeSchema1764028800000,
  CreateProfileStore1764201600000,
  CreateHouseholdSurvey1764547200000,
  NestAgeBands1764720000000,
];

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
        RegionResolver,
        IndicatorDefinitionResolver,
        ProfileTemplateResolver,
        ObservationResolver,
        MigrationProfileResolver,
        SurveyEstimatesResolver,
      ],
      referenceResolvers: { Country: resolveCountryReference },
    }),
};
