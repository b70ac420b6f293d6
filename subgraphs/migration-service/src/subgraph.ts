/** The State Migration Service subgraph: its database, schema and loaders, as the kit runs them. */
import { syntheticSeed, type SyntheticWorld } from "@hub/synthetic";
import { buildFederatedSchema, type SubgraphDefinition } from "@hub/kit";
import { AsylumApplication } from "./AsylumApplication.entity";
import { AsylumApplicationResolver } from "./AsylumApplication.resolver";
import { createLoaders, type Context, type Loaders } from "./loaders";
import { MigrationServiceStatisticsResolver } from "./MigrationServiceStatistics.resolver";
import { CreateMigrationServiceSchema1764028800000 } from "./migrations/1764028800000-CreateMigrationServiceSchema";
import { AddResidenceAndIdentificationRegions1765584000000 } from "./migrations/1765584000000-AddResidenceAndIdentificationRegions";
import { Person } from "./Person.entity";
import { PersonResolver, resolvePersonReference } from "./Person.resolver";
import { PersonRecordsResolver } from "./PersonRecords.resolver";
import { ResidencePermit } from "./ResidencePermit.entity";
import { ResidencePermitResolver } from "./ResidencePermit.resolver";
import { ReturnDecision } from "./ReturnDecision.entity";
import { ReturnDecisionResolver } from "./ReturnDecision.resolver";
import { seedMigrationService } from "./seed";
import { TraffickingCase } from "./TraffickingCase.entity";
import { TraffickingCaseResolver } from "./TraffickingCase.resolver";

export const entities = [Person, ResidencePermit, AsylumApplication, ReturnDecision, TraffickingCase];
export const migrations = [
  CreateMigrationServiceSchema1764028800000,
  AddResidenceAndIdentificationRegions1765584000000,
];

export const migrationService: SubgraphDefinition<Loaders, SyntheticWorld> = {
  defaults: {
    name: "migration-service",
    databaseUrlVariable: "MIGRATION_SERVICE_DATABASE_URL",
    embeddedDatabaseUrl: "postgres://postgres@127.0.0.1:54302/postgres",
    port: 4002,
  },
  entities,
  migrations,
  createLoaders,
  seed: syntheticSeed(seedMigrationService),
  buildSchema: () =>
    buildFederatedSchema<Context>({
      resolvers: [
        PersonResolver,
        PersonRecordsResolver,
        ResidencePermitResolver,
        AsylumApplicationResolver,
        ReturnDecisionResolver,
        TraffickingCaseResolver,
        MigrationServiceStatisticsResolver,
      ],
      referenceResolvers: { Person: resolvePersonReference },
    }),
};
