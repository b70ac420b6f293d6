import { describe, expect, it } from "@jest/globals";
import { ruleIdsOf } from "./ruleIds";

const denied = (rule?: string) => ({ field: "Person.givenName", category: "IDENTITY", owner: "X", policies: [], rule });

describe("ruleIdsOf", () => {
  it("names each rule once, sorted, whatever the order of the refusals", () => {
    const a = ruleIdsOf({ fieldsDenied: [denied("R6-1"), denied("R5-3"), denied("R6-1"), denied()] });
    const b = ruleIdsOf({ fieldsDenied: [denied(), denied("R5-3"), denied("R6-1")] });
    expect(a).toEqual(["R5-3", "R6-1"]);
    expect(b).toEqual(a);
    expect(ruleIdsOf({ fieldsDenied: [] })).toEqual([]);
  });

  it("names the rules of refusals beside the denied fields: a purpose, withheld records", () => {
    const withheld = (rule: string, silent = false) => ({
      by: "migration-service",
      rule,
      article: "",
      category: "ASYLUM",
      owner: "MIGRATION_SERVICE",
      count: 2,
      path: ["asylumApplications"],
      silent,
    });
    expect(
      ruleIdsOf({ fieldsDenied: [denied("R6-3")], refusals: [withheld("R5-4"), withheld("R14-3", true)] }),
    ).toEqual(["R14-3", "R5-4", "R6-3"]);
  });
});
