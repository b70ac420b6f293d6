import { describe, expect, it } from "@jest/globals";
import { getOperationAST, parse } from "graphql";
import { fragmentBomb } from "../selections/fragmentBomb";
import { isIntrospectionOnly } from "./isIntrospectionOnly";

const check = (query: string) => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error("no operation");
  return isIntrospectionOnly(document, operation);
};

describe("isIntrospectionOnly", () => {
  it("recognises the schema, type and typename root fields, with aliases", () => {
    expect(check(`{ __schema { types { name } } }`)).toBe(true);
    expect(check(`{ t: __type(name: "Person") { name } __typename }`)).toBe(true);
    expect(check(`{ __typename }`)).toBe(true);
  });

  it("looks through fragments at the root", () => {
    expect(check(`{ ...Docs } fragment Docs on Query { __schema { types { name } } }`)).toBe(true);
    expect(check(`{ ... on Query { __type(name: "Person") { name } } }`)).toBe(true);
    expect(check(`{ ...Docs } fragment Docs on Query { __typename countries { code } }`)).toBe(false);
  });

  it("leaves operations that select data to the normal path", () => {
    expect(check(`{ __schema { types { name } } countries { code } }`)).toBe(false);
    expect(check(`{ countries { __typename code } }`)).toBe(false);
    expect(check(`mutation { __typename }`)).toBe(false);
  });

  it("reads each fragment once, however often it is spread", () => {
    // 30^6 spreads in all: walked one by one, the gateway would hang on this request.
    const started = Date.now();
    expect(check(fragmentBomb("%", "Query", "__typename", 30, 7))).toBe(true);
    expect(check(fragmentBomb("%", "Query", "countries { code }", 30, 7))).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
