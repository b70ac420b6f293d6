import { describe, expect, it } from "@jest/globals";
import { buildSchema, type GraphQLInputType } from "graphql";
import { inputProblem } from "./inputProblem";

const schema = buildSchema(`
scalar DateTimeISO
scalar Opaque
enum Outcome { ALLOWED }
input Filter { from: DateTimeISO subject: String outcome: Outcome }
type Query { q(a: String, refs: [ID!], filter: Filter, at: DateTimeISO, o: Opaque): String }
`);
const arg = (name: string) =>
  schema
    .getQueryType()
    ?.getFields()
    .q?.args.find((a) => a.name === name)?.type as GraphQLInputType;

describe("inputProblem", () => {
  it("refuses a NUL character in a string, in a list and in an input object", () => {
    expect(inputProblem(arg("a"), "x\u0000y")).toBe("a NUL character (U+0000) is not accepted");
    expect(inputProblem(arg("refs"), ["ok", "\u0000"])).toBe("a NUL character (U+0000) is not accepted");
    expect(inputProblem(arg("filter"), { subject: "\u0000" })).toBe(
      "subject: a NUL character (U+0000) is not accepted",
    );
  });

  it("refuses a DateTimeISO the subgraphs cannot parse, at the top and inside an input object", () => {
    expect(inputProblem(arg("at"), "' OR 1=1 --")).toBe("not a valid DateTimeISO");
    expect(inputProblem(arg("at"), "2024-02-30T00:00:00Z")).toBe("not a valid DateTimeISO");
    expect(inputProblem(arg("filter"), { from: "2024-01-01" })).toBe("from: not a valid DateTimeISO");
  });

  it("accepts what the subgraphs take: hostile-looking strings, valid instants, enums, nulls, other scalars", () => {
    for (const value of ["' OR 1=1 --", "%00", "\u202E🙂", '{"$gt": ""}', ""])
      expect(inputProblem(arg("a"), value)).toBeUndefined();
    expect(inputProblem(arg("at"), "2024-01-01T10:00:00+04:00")).toBeUndefined();
    expect(
      inputProblem(arg("filter"), { from: "2024-01-01T00:00:00Z", outcome: "ALLOWED", subject: null }),
    ).toBeUndefined();
    expect(inputProblem(arg("o"), { any: "thing" })).toBeUndefined();
    expect(inputProblem(arg("a"), null)).toBeUndefined();
  });
});
