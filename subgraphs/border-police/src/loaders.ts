/** Per-request DataLoaders of the Border Police subgraph. */
import type { DataSource } from "typeorm";
import { derivedByKey, manyByKey, oneByKey, type SubgraphContext } from "@hub/kit";
import { BorderCrossing } from "./BorderCrossing.entity";
import { CrossingPoint } from "./CrossingPoint.entity";
import { DeporteeScreening } from "./DeporteeScreening.entity";
import { EntryBan } from "./EntryBan.entity";
import { EntryRefusal } from "./EntryRefusal.entity";
import { TravelDocument } from "./TravelDocument.entity";

export function createLoaders(db: DataSource) {
  const documentsByPerson = manyByKey(db.getRepository(TravelDocument), "personRef", { issuedOn: "DESC" });
  return {
    crossingsByPerson: manyByKey(db.getRepository(BorderCrossing), "personRef", { crossedAt: "DESC" }),
    documentsByPerson,
    dateOfBirthByPerson: derivedByKey(documentsByPerson, holderDateOfBirth),
    documentByNumber: oneByKey(db.getRepository(TravelDocument), "documentNumber"),
    crossingPointByCode: oneByKey(db.getRepository(CrossingPoint), "code"),
    refusalsByPerson: manyByKey(db.getRepository(EntryRefusal), "personRef", { refusedOn: "DESC" }),
    bansByPerson: manyByKey(db.getRepository(EntryBan), "personRef", { issuedOn: "DESC" }),
    screeningsByPerson: manyByKey(db.getRepository(DeporteeScreening), "personRef", { screenedOn: "DESC" }),
  };
}

/**
 * A person's date of birth as their travel documents carry it (batched with the documents' loader).
 * Documents that disagree give the latest date, the one that makes the person youngest; null when
 * no document carries one.
 */
function holderDateOfBirth(documents: readonly TravelDocument[]): string | null {
  const dates = documents.flatMap((d) => (d.holderDateOfBirth ? [d.holderDateOfBirth] : [])).sort();
  return dates.at(-1) ?? null;
}

export type Loaders = ReturnType<typeof createLoaders>;
export type Context = SubgraphContext<Loaders>;
