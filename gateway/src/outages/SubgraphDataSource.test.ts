import { describe, expect, it } from "@jest/globals";
import { parse } from "graphql";
import { affectedPaths, subgraphUnavailable } from "./SubgraphDataSource";

describe("affectedPaths", () => {
  it("names the fields an entity fetch would have filled, under the path it was attached at", () => {
    const document = parse(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { __typename crossings(first: 3) { direction } recent: travelDocuments { number } } } }`,
    );
    expect(affectedPaths(document, ["persons", "@"])).toEqual([
      ["persons", "@", "crossings"],
      ["persons", "@", "recent"],
    ]);
  });

  it("names the root fields of a root fetch", () => {
    expect(affectedPaths(parse(`{ crossingPoints { code } crossings(personRef: "x") { direction } }`), [])).toEqual([
      ["crossingPoints"],
      ["crossings"],
    ]);
  });
});

describe("subgraphUnavailable", () => {
  it("names the subgraph, its agency and the paths, with a GraphQL path only for one path outside a list", () => {
    const one = subgraphUnavailable("border-police", [["person", "crossings"]]);
    expect(one.path).toEqual(["person", "crossings"]);
    expect(one.extensions).toEqual({
      code: "SUBGRAPH_UNAVAILABLE",
      subgraph: "border-police",
      agency: "BORDER_POLICE",
      agencyName: "Border Police",
      paths: [["person", "crossings"]],
    });
    expect(one.message).toMatch(/Border Police service \(border-police\) is unavailable.*person\.crossings/);
    expect(subgraphUnavailable("border-police", [["persons", "@", "crossings"]]).path).toBeUndefined();
  });
});
