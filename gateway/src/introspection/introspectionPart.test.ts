import { describe, expect, it } from "@jest/globals";
import { getOperationAST, parse, print } from "graphql";
import { fragmentBomb } from "../selections/fragmentBomb";
import { introspectionPart } from "./introspectionPart";

const part = (query: string): string | null => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error("no operation");
  const [first] = introspectionPart(document, operation)?.definitions ?? [];
  return first ? print(first) : null;
};

describe("introspectionPart", () => {
  it("keeps only the schema questions of an operation that also asks for data", () => {
    expect(part(`query Q($n: String!) { countries { code } t: __type(name: $n) { name } __typename }`)).toBe(
      print(parse(`query Q($n: String!) { t: __type(name: $n) { name } }`)),
    );
  });

  it("finds them through fragments", () => {
    expect(part(`{ countries { code } ...S } fragment S on Query { __schema { queryType { name } } }`)).toBe(
      print(parse(`{ __schema { queryType { name } } }`)),
    );
  });

  it("finds nothing in an operation without schema questions", () => {
    expect(part(`{ countries { code } __typename }`)).toBeNull();
  });

  it("reads each fragment once, however often it is spread", () => {
    // 10^6 spreads of the fragment that asks the schema question: it is one question.
    const query = fragmentBomb("countries { code } %", "Query", "__schema { queryType { name } }", 10, 7);
    expect(part(query)).toBe(print(parse(`{ __schema { queryType { name } } }`)));
  });
});
