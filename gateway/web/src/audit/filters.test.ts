/** The console's filters: empty fields left out, local times sent as instants, hour buckets for short ranges. */
import { describe, expect, it } from "@jest/globals";
import { chooseBucket, EMPTY_FILTER, filterProblem, localInputValue, toFilter } from "./filters";

describe("toFilter", () => {
  it("sends only what was filled in, trimmed, with local times as ISO instants", () => {
    expect(toFilter(EMPTY_FILTER)).toEqual({});
    expect(
      toFilter({ ...EMPTY_FILTER, from: "2026-03-01T10:00", agency: " BORDER_POLICE ", ruleId: "R6-3", outcome: "" }),
    ).toEqual({ from: new Date("2026-03-01T10:00").toISOString(), agency: "BORDER_POLICE", ruleId: "R6-3" });
  });

  it("sends the identity provider's filters under the subgraph's names", () => {
    expect(
      toFilter({
        ...EMPTY_FILTER,
        issuer: " https://idp.example/realms/hub ",
        clientId: "kiosk",
        authenticationReason: "expired",
      }),
    ).toEqual({ issuer: "https://idp.example/realms/hub", clientId: "kiosk", authenticationReason: "expired" });
  });

  it("round-trips a time through the datetime-local text", () => {
    const time = new Date("2026-03-01T10:11:12Z");
    expect(toFilter({ ...EMPTY_FILTER, to: localInputValue(time) }).to).toBe(time.toISOString());
  });

  it("names a time range that ends before it starts", () => {
    expect(filterProblem({ ...EMPTY_FILTER, from: "2026-03-02T00:00", to: "2026-03-01T00:00" })).toMatch(/ends before/);
    expect(filterProblem({ ...EMPTY_FILTER, from: "yesterday" })).toMatch(/start/);
    expect(filterProblem({ ...EMPTY_FILTER, from: "2026-03-01T00:00" })).toBeNull();
  });
});

describe("chooseBucket", () => {
  const now = Date.parse("2026-03-10T00:00:00Z");
  it("takes hours for up to three days and days beyond or without a start", () => {
    expect(chooseBucket({}, now)).toBe("DAY");
    expect(chooseBucket({ from: "2026-03-08T00:00:00Z" }, now)).toBe("HOUR");
    expect(chooseBucket({ from: "2026-03-01T00:00:00Z" }, now)).toBe("DAY");
    expect(chooseBucket({ from: "2026-03-01T00:00:00Z", to: "2026-03-02T00:00:00Z" }, now)).toBe("HOUR");
  });
});
