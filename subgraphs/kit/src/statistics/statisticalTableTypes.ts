/**
 * The GraphQL types of an agency's statistical table (the profile contract): one pair per agency,
 * named after it, since federation would otherwise merge two agencies' types into one.
 */
import { Field, Int, ObjectType } from "type-graphql";
import { Category } from "../dataCategory";
import type { StatisticalTable as Table, StatisticalCell as Cell } from "./StatisticalTable";

export interface StatisticalTableTypes {
  Table: new () => Table;
  Cell: new () => Cell;
}

/** `prefix` is the agency's name in PascalCase: `BorderPolice` gives `BorderPoliceStatisticalTable`. */
export function statisticalTableTypes(prefix: string): StatisticalTableTypes {
  @ObjectType(`${prefix}StatisticalCell`, {
    description: "One cell of a cube: its code on every dimension (_T where the cube does not break it down).",
  })
  class StatisticalCell implements Cell {
    @Category("AGGREGATE") @Field() sex: string;
    @Category("AGGREGATE") @Field() age: string;
    @Category("AGGREGATE") @Field() citizenship: string;
    @Category("AGGREGATE") @Field() region: string;
    @Category("AGGREGATE") @Field() month: string;
    @Category("AGGREGATE") @Field() breakdown: string;

    @Category("AGGREGATE")
    @Field(() => Int, { nullable: true, description: "Null when suppressed." })
    value: number | null;

    @Category("AGGREGATE")
    @Field(() => String, { description: "NONE, ROUNDED or SUPPRESSED." })
    flag: Cell["flag"];
  }

  @ObjectType(`${prefix}StatisticalTable`, {
    description: "An indicator's cubes for one year, after disclosure control at the source.",
  })
  class StatisticalTable implements Table {
    @Category("AGGREGATE") @Field() indicator: string;
    @Category("AGGREGATE") @Field(() => Int) year: number;

    @Category("AGGREGATE")
    @Field(() => String, { description: "What is counted: PERSONS, PERMITS, DECISIONS, CROSSINGS or CASES." })
    unit: Table["unit"];

    @Category("AGGREGATE")
    @Field(() => String, { description: "Disclosure-control regime the cells went through: STANDARD or STRICT." })
    regime: Table["regime"];

    @Category("AGGREGATE")
    @Field(() => [[String]], { description: 'The cubes, each as its dimensions, e.g. ["SEX", "AGE"].' })
    cubes: string[][];

    @Category("AGGREGATE")
    @Field(() => [StatisticalCell], { description: "Every cell of every cube once, in canonical order." })
    cells: StatisticalCell[];
  }

  return { Table: StatisticalTable, Cell: StatisticalCell };
}
