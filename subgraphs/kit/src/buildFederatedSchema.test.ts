import { describe, expect, it } from "@jest/globals";
import { buildSchema } from "graphql";
import { assertEveryFieldClassified } from "./buildFederatedSchema";

const schema = (fields: string) =>
  buildSchema(`
    directive @dataCategory(category: String!) on FIELD_DEFINITION
    type Query { ${fields} }
    type Record { id: ID! @dataCategory(category: "IDENTIFIER") note: String }
  `);

describe("assertEveryFieldClassified (R10-1)", () => {
  it("names every field without a data category", () => {
    expect(() =>
      assertEveryFieldClassified(schema(`record: Record @dataCategory(category: "TRAVEL") other: String`)),
    ).toThrow("Query.other, Record.note");
  });

  it("accepts a schema whose every field is classified", () => {
    const classified = buildSchema(`
      directive @dataCategory(category: String!) on FIELD_DEFINITION
      type Query { ping: String @dataCategory(category: "REFERENCE") }
    `);
    expect(() => assertEveryFieldClassified(classified)).not.toThrow();
  });
});
