import { describe, expect, it } from "@jest/globals";
import { describePaths, MAX_PATH_SEGMENTS, readPath } from "./claimPath";

const present = (value: unknown) => ({ kind: "present", value });
const absent = { kind: "absent" };

describe("readPath", () => {
  const payload = JSON.parse(
    JSON.stringify({
      sub: "svc-1",
      "https://hub.example.gov/agency": "BORDER_POLICE",
      realm_access: { roles: ["offline_access", "hub-officer"] },
      resource_access: { "hub.example.gov": { roles: ["border-officer"] }, "migration-hub": { roles: ["analyst"] } },
      list: [{ sub: "x" }],
      empty: null,
    }),
  ) as Record<string, unknown>;

  it("reads a top-level claim, a namespaced name with dots whole, and a nested path split on dots", () => {
    expect(readPath(payload, "sub")).toEqual(present("svc-1"));
    expect(readPath(payload, "https://hub.example.gov/agency")).toEqual(present("BORDER_POLICE"));
    expect(readPath(payload, "realm_access.roles")).toEqual(present(["offline_access", "hub-officer"]));
    expect(readPath(payload, "resource_access.migration-hub.roles")).toEqual(present(["analyst"]));
  });

  it("follows explicit segments without splitting them, for keys with dots", () => {
    expect(readPath(payload, ["resource_access", "hub.example.gov", "roles"])).toEqual(present(["border-officer"]));
    expect(readPath(payload, "resource_access.hub.example.gov.roles")).toEqual(absent);
    expect(readPath(payload, ["realm_access.roles"])).toEqual(absent);
  });

  it("refuses to choose when a name is both a top-level claim and a nested path", () => {
    const both = { "realm_access.roles": ["hub-admin"], realm_access: { roles: ["hub-officer"] } };
    expect(readPath(both, "realm_access.roles")).toEqual({ kind: "ambiguous" });
    expect(readPath(both, ["realm_access.roles"])).toEqual(present(["hub-admin"]));
  });

  it("takes JSON null and a missing claim as absent, and never walks into arrays or scalars", () => {
    expect(readPath(payload, "empty")).toEqual(absent);
    expect(readPath(payload, "nothing.here")).toEqual(absent);
    expect(readPath(payload, "list.0.sub")).toEqual(absent);
    expect(readPath(payload, "sub.length")).toEqual(absent);
  });

  it("never reaches the prototype, and reads a claim named __proto__ only as the token's own", () => {
    expect(readPath({}, "constructor")).toEqual(absent);
    expect(readPath({}, "__proto__")).toEqual(absent);
    expect(readPath({}, "toString")).toEqual(absent);
    expect(readPath({ a: {} }, "a.constructor.name")).toEqual(absent);
    const hostile = JSON.parse('{"__proto__": {"agency": "HUB_OPERATOR"}}') as object;
    expect(readPath(hostile, "agency")).toEqual(absent);
    expect(readPath(hostile, "__proto__.agency")).toEqual(present("HUB_OPERATOR"));
    expect(({} as Record<string, unknown>).agency).toBeUndefined();
  });

  it("runs no getter of the payload", () => {
    let ran = false;
    const tricky = Object.defineProperty({}, "agency", {
      enumerable: true,
      get: () => {
        ran = true;
        return "HUB_OPERATOR";
      },
    });
    expect(readPath(tricky, "agency")).toEqual(absent);
    expect(ran).toBe(false);
  });

  it(`follows at most ${MAX_PATH_SEGMENTS} segments`, () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < MAX_PATH_SEGMENTS + 1; i += 1) deep = { a: deep };
    const segments = Array.from({ length: MAX_PATH_SEGMENTS + 1 }, () => "a");
    expect(readPath(deep, segments)).toEqual(absent);
    expect(readPath((deep as { a: unknown }).a, segments.slice(1))).toEqual(present("bottom"));
  });
});

describe("describePaths", () => {
  it("names the claims as the configuration wrote them", () => {
    expect(describePaths(["oid", "sub"])).toBe('claim "oid" or "sub"');
    expect(describePaths([["https://hub.example/agency"]])).toBe('claim "https://hub.example/agency"');
    expect(describePaths([["resource_access", "migration-hub", "roles"]])).toBe(
      'claim ["resource_access","migration-hub","roles"]',
    );
    expect(describePaths([])).toBe("no claim configured");
  });
});
