/** The Border Police subgraph: its database, schema and loaders, as the kit runs them. */
import { syntheticSeed, type SyntheticWorld } from "@hub/synthetic";
import { buildFederatedSchema, type SubgraphDefinition } from "@hub/kit";
import { BorderCrossing } from "./BorderCrossing.entity";
import { BorderCrossingResolver } from "./BorderCrossing.resolver";
import { BorderPoliceStatisticsResolver } from "./BorderPoliceStatistics.resolver";
import { CrossingPoint } from "./CrossingPoint.entity";
import { CrossingPointResolver } from "./CrossingPoint.resolver";
import { DeporteeScreening } from "./DeporteeScreening.entity";
import { DeporteeScreeningResolver } from "./DeporteeScreening.resolver";
import { EntryBan } from "./EntryBan.entity";
import { EntryBanResolver } from "./EntryBan.resolver";
import { EntryRefusal } from "./EntryRefusal.entity";
import { EntryRefusalResolver } from "./EntryRefusal.resolver";
import { createLoaders, type Context, type Loaders } from "./loaders";
import { CreateBorderPoliceSchema1764028800000 } from "./migrations/1764028800000-CreateBorderPoliceSchema";
import { AddTravelDocumentHolderDateOfBirth1764979200000 } from "./migrations/1764979200000-AddTravelDocumentHolderDateOfBirth";
import { AddRegionsAndTravelDocumentHolder1765584000000 } from "./migrations/1765584000000-AddRegionsAndTravelDocumentHolder";
import { PersonResolver, resolvePersonReference } from "./Person.resolver";
import { seedBorderPolice } from "./seed";
import { TravelDocument } from "./TravelDocument.entity";
import { TravelDocumentResolver } from "./TravelDocument.resolver";

export const entities = [CrossingPoint, TravelDocument, BorderCrossing, EntryRefusal, EntryBan, DeporteeScreening];
export const migrations = [
  CreateBorderPoliceSchema1764028800000,
  AddTravelDocumentHolderDateOfBirth1764979200000,
  AddRegionsAndTravelDocumentHolder1765584000000,
];

export const borderPolice: SubgraphDefinition<Loaders, SyntheticWorld> = {
  defaults: {
    name: "border-police",
    databaseUrlVariable: "BORDER_POLICE_DATABASE_URL",
    embeddedDatabaseUrl: "postgres://postgres@127.0.0.1:54301/postgres",
    port: 4001,
  },
  entities,
  migrations,
  createLoaders,
  seed: syntheticSeed(seedBorderPolice),
  buildSchema: () =>
    buildFederatedSchema<Context>({
      resolvers: [
        PersonResolver,
        BorderCrossingResolver,
        TravelDocumentResolver,
        CrossingPointResolver,
        EntryRefusalResolver,
        EntryBanResolver,
        DeporteeScreeningResolver,
        BorderPoliceStatisticsResolver,
      ],
      referenceResolvers: { Person: resolvePersonReference },
    }),
};
