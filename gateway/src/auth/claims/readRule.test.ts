import { describe, expect, it } from "@jest/globals";
import type { ClaimRule } from "./ClaimMapping";
import { ClaimsUnfit } from "./ClaimsUnfit";
import { MAX_LIST_VALUES, readList, readSingle } from "./readRule";

function refusalOf(call: () => unknown): { field: string; reason: string } {
  try {
    call();
  } catch (error) {
    if (error instanceof ClaimsUnfit) return { field: error.field, reason: error.reason };
    throw error;
  }
  throw new Error("accepted");
}

const single = (payload: object, rule: ClaimRule) => readSingle(payload, rule, "role")?.value ?? null;
const list = (payload: object, rule: ClaimRule) => readList(payload, rule, "cases")?.values ?? null;

describe("single-valued attributes", () => {
  it("take a string, or an array with exactly one usable value", () => {
    expect(single({ role: "analyst" }, { claim: "role" })).toBe("analyst");
    expect(single({ role: ["analyst"] }, { claim: "role" })).toBe("analyst");
    expect(single({ role: ["analyst", "analyst"] }, { claim: "role" })).toBe("analyst");
  });

  it("refuse more than one value rather than pick one", () => {
    expect(refusalOf(() => single({ role: ["analyst", "admin"] }, { claim: "role" }))).toEqual({
      field: "role",
      reason: "ambiguous",
    });
  });

  it("take the first alternative present, and a constant instead of a claim", () => {
    expect(single({ sub: "s", oid: "o" }, { claim: ["oid", "sub"] })).toBe("o");
    expect(single({ sub: "s" }, { claim: ["oid", "sub"] })).toBe("s");
    expect(single({ sub: "s", oid: null }, { claim: ["oid", "sub"] })).toBe("s");
    expect(single({ country: "GE" }, { value: "AM" })).toBe("AM");
    expect(single({}, { claim: ["oid", "sub"] })).toBeNull();
    expect(single({ role: "x" }, {})).toBeNull();
  });

  it("keep only values with the prefix, stripped, and read a string with a prefix as a list", () => {
    const rule = { claim: "roles", prefix: "Role." };
    expect(single({ roles: ["Purpose.RESEARCH", "Role.analyst"] }, rule)).toBe("analyst");
    expect(single({ roles: "openid Role.analyst" }, rule)).toBe("analyst");
    expect(single({ roles: ["Purpose.RESEARCH"] }, rule)).toBeNull();
    expect(refusalOf(() => single({ roles: ["Role.a", "Role.b"] }, rule))).toMatchObject({ reason: "ambiguous" });
    expect(refusalOf(() => single({ roles: ["Role."] }, rule))).toMatchObject({ reason: "invalid" });
    // Compared exactly: a prefix in another case is another prefix.
    expect(single({ roles: ["role.analyst"] }, rule)).toBeNull();
  });

  it("apply case and then aliases, with alias keys compared under the same case", () => {
    const rule: ClaimRule = { claim: "agency", case: "upper", aliases: { "border-police": "BORDER_POLICE" } };
    expect(single({ agency: "Border-Police" }, rule)).toBe("BORDER_POLICE");
    expect(single({ agency: "migration_service" }, rule)).toBe("MIGRATION_SERVICE");
    expect(single({ agency: "bp" }, { claim: "agency", aliases: { bp: "BORDER_POLICE" } })).toBe("BORDER_POLICE");
    expect(single({ agency: "tr-pmm" }, { claim: "agency", case: "upper" })).toBe("TR-PMM");
  });

  it("never translate through the prototype of the aliases", () => {
    const rule: ClaimRule = { claim: "agency", aliases: { bp: "BORDER_POLICE" } };
    expect(single({ agency: "constructor" }, rule)).toBe("constructor");
    expect(single({ agency: "__proto__" }, rule)).toBe("__proto__");
  });

  it.each<[string, unknown]>([
    ["a number", 42],
    ["a boolean", true],
    ["an object", { value: "analyst" }],
    ["an array of objects", [{ role: "analyst" }]],
    ["an array with a number", ["analyst", 7]],
    ["an array with an empty string", ["analyst", ""]],
    ["an empty string", ""],
    ["a string with a line break", "analyst\nlevel=info"],
    ["an array with a control character", ["analyst\u0000"]],
  ])("refuse %s where a string is expected", (_name, value) => {
    expect(refusalOf(() => single({ role: value }, { claim: "role" }))).toEqual({ field: "role", reason: "invalid" });
  });

  it("in the strict form take only a JSON string", () => {
    expect(single({ role: "analyst" }, { claim: "role", form: "strict" })).toBe("analyst");
    expect(refusalOf(() => single({ role: ["analyst"] }, { claim: "role", form: "strict" }))).toMatchObject({
      reason: "invalid",
    });
  });
});

describe("list attributes", () => {
  it("take an array or a space-separated string, without repeats, in the token's order", () => {
    expect(list({ cases: ["C-2", "C-1", "C-2"] }, { claim: "cases" })).toEqual(["C-2", "C-1"]);
    expect(list({ cases: " C-2  C-1\tC-3 " }, { claim: "cases" })).toEqual(["C-2", "C-1", "C-3"]);
    expect(list({ cases: [] }, { claim: "cases" })).toEqual([]);
    expect(list({}, { claim: "cases" })).toBeNull();
  });

  it("in the strict form take only a JSON array", () => {
    expect(list({ cases: ["C-1"] }, { claim: "cases", form: "strict" })).toEqual(["C-1"]);
    expect(refusalOf(() => list({ cases: "C-1" }, { claim: "cases", form: "strict" }))).toMatchObject({
      reason: "invalid",
    });
  });

  it(`refuse more than ${MAX_LIST_VALUES} values, as an array or as a string`, () => {
    const many = Array.from({ length: MAX_LIST_VALUES + 1 }, (_, i) => `C-${i}`);
    expect(list({ cases: many.slice(1) }, { claim: "cases" })).toHaveLength(MAX_LIST_VALUES);
    expect(refusalOf(() => list({ cases: many }, { claim: "cases" }))).toEqual({ field: "cases", reason: "too-many" });
    expect(refusalOf(() => list({ cases: many.join(" ") }, { claim: "cases" }))).toMatchObject({ reason: "too-many" });
    const huge = new Array<string>(1_000_000).fill("x");
    expect(refusalOf(() => list({ cases: huge }, { claim: "cases" }))).toMatchObject({ reason: "too-many" });
  });

  it("refuse a list spoilt by one value of another type, rather than read it in part", () => {
    expect(refusalOf(() => list({ cases: ["C-1", ["C-2"]] }, { claim: "cases" }))).toMatchObject({ reason: "invalid" });
    expect(refusalOf(() => list({ cases: ["C-1", null] }, { claim: "cases" }))).toMatchObject({ reason: "invalid" });
  });

  it("refuse a name that is both a top-level claim and a nested path", () => {
    const payload = { "a.b": ["x"], a: { b: ["y"] } };
    expect(refusalOf(() => list(payload, { claim: "a.b" }))).toEqual({ field: "cases", reason: "ambiguous" });
  });
});
