/** Per-request DataLoaders of the Border Police subgraph. */
import type { DataSource } from "typeorm";
import { manyByKey, oneByKey, type SubgraphContext } from "@hub/kit";
import { BorderCrossing } from "./BorderCrossing.entity";
import { CrossingPoint } from "./CrossingPoint.entity";
import { DeporteeScreening } from "./DeporteeScreening.entity";
import { EntryBan } from "./EntryBan.entity";
import { EntryRefusal } from "./EntryRefusal.entity";
import { TravelDocument } from "./TravelDocument.entity";

export function createLoaders(db: DataSource) {
  return {
    crossingsByPerson: manyByKey(db.getRepository(BorderCrossing), "personRef", { crossedAt: "DESC" }),
    documentsByPerson: manyByKey(db.getRepository(TravelDocument), "personRef", { issuedOn: "DESC" }),
    documentByNumber: oneByKey(db.getRepository(TravelDocument), "documentNumber"),
    crossingPointByCode: oneByKey(db.getRepository(CrossingPoint), "code"),
    refusalsByPerson: manyByKey(db.getRepository(EntryRefusal), "personRef", { refusedOn: "DESC" }),
    bansByPerson: manyByKey(db.getRepository(EntryBan), "personRef", { issuedOn: "DESC" }),
    screeningsByPerson: manyByKey(db.getRepository(DeporteeScreening), "personRef", { screenedOn: "DESC" }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
export type Context = SubgraphContext<Loaders>;
