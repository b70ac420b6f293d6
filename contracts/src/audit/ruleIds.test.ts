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
});
