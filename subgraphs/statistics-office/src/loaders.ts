/** Per-request DataLoaders of the Statistics Office subgraph. */
import type { DataSource } from "typeorm";
import { manyByKey, oneByKey, type SubgraphContext } from "@hub/kit";
import { Country } from "./Country.entity";
import { IndicatorDefinition } from "./IndicatorDefinition.entity";
import { TemplateIndicator } from "./ProfileTemplate.entity";

export function createLoaders(db: DataSource) {
  return {
    countryByCode: oneByKey(db.getRepository(Country), "code"),
    indicatorByCode: oneByKey(db.getRepository(IndicatorDefinition), "code"),
    templateIndicators: manyByKey(db.getRepository(TemplateIndicator), "templateId", { position: "ASC" }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
export type Context = SubgraphContext<Loaders>;
