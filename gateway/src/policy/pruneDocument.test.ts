import { describe, expect, it } from "@jest/globals";
import { buildSchema, parse, print } from "graphql";
import { pruneDocument } from "./pruneDocument";

const schema = buildSchema(`
  type Query { person(personRef: ID!): Person crossings: [Crossing!]! }
  type Person { personRef: ID! familyName: String asylum: Asylum isProtectionHolder: Boolean crossings: [Crossing!]! }
  type Asylum { grounds: [String!]! outcome: String }
  type Crossing { direction: String traveller: Person }
`);

const prune = (query: string, denied: string[]) => {
  const result = pruneDocument(schema, parse(query), undefined, new Set(denied));
  return result ? print(result.document).replace(/\s+/g, " ").trim() : null;
};

describe("pruneDocument (partial mode)", () => {
  it("removes a denied field and keeps the allowed ones", () => {
    expect(
      prune(`{ person(personRef: "x") { familyName asylum { grounds } isProtectionHolder } }`, ["Person.asylum"]),
    ).toBe(`{ person(personRef: "x") { familyName isProtectionHolder } }`);
  });

  it("removes the field in every place it is reached: alias, fragment, inline fragment, nested entity", () => {
    const query = `
      query Q { person(personRef: "x") { a: asylum { grounds } ...F ... on Person { asylum { outcome } } crossings { traveller { asylum { grounds } direction: familyName } } } }
      fragment F on Person { asylum { outcome } familyName }`;
    const pruned = prune(query, ["Person.asylum"]);
    expect(pruned).not.toContain("asylum");
    expect(pruned).not.toContain("grounds");
    expect(pruned).toContain("fragment F on Person { familyName }");
    expect(pruned).toContain("traveller { direction: familyName }");
  });

  it("removes a parent whose selection becomes empty, and a fragment left empty", () => {
    const query = `{ person(personRef: "x") { familyName ...G } } fragment G on Person { asylum { grounds } }`;
    expect(prune(query, ["Asylum.grounds"])).toBe(`{ person(personRef: "x") { familyName } }`);
  });

  it("answers null when nothing is left to execute", () => {
    expect(prune(`{ person(personRef: "x") { asylum { grounds } } }`, ["Person.asylum"])).toBeNull();
  });
});
