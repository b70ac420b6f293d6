/** Per-request DataLoaders of the State Migration Service subgraph. */
import type { DataSource } from "typeorm";
import { manyByKey, oneByKey, type SubgraphContext } from "@hub/kit";
import { AsylumApplication } from "./AsylumApplication.entity";
import { Person } from "./Person.entity";
import { ResidencePermit } from "./ResidencePermit.entity";
import { ReturnDecision } from "./ReturnDecision.entity";
import { TraffickingCase } from "./TraffickingCase.entity";

// Every list is ordered most recent first, with the id as tie-breaker so answers are deterministic.
export function createLoaders(db: DataSource) {
  const persons = db.getRepository(Person);
  const permits = db.getRepository(ResidencePermit);
  const applications = db.getRepository(AsylumApplication);
  const returns = db.getRepository(ReturnDecision);
  const cases = db.getRepository(TraffickingCase);
  return {
    personByRef: oneByKey(persons, "personRef"),
    personByNationalId: oneByKey(persons, "nationalId"),
    permitByNumber: oneByKey(permits, "permitNumber"),
    permitsByPerson: manyByKey(permits, "personRef", { issuedOn: "DESC", permitNumber: "ASC" }),
    applicationById: oneByKey(applications, "applicationId"),
    applicationsByPerson: manyByKey(applications, "personRef", { lodgedOn: "DESC", applicationId: "ASC" }),
    returnsByPerson: manyByKey(returns, "personRef", { issuedOn: "DESC", decisionId: "ASC" }),
    caseById: oneByKey(cases, "caseId"),
    casesByPerson: manyByKey(cases, "personRef", { identifiedOn: "DESC", caseId: "ASC" }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
export type Context = SubgraphContext<Loaders>;
