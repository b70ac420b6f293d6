import { describe, expect, it } from "@jest/globals";
import { outageStatus } from "./outageStatus";

const unavailable = { message: "down", extensions: { code: "SUBGRAPH_UNAVAILABLE" } };

describe("outageStatus", () => {
  it("keeps the status when other data came back beside the outage", () => {
    expect(outageStatus({ data: { person: { givenName: "A", crossings: null } }, errors: [unavailable] }, 200)).toBe(
      200,
    );
  });

  it("answers 503 when the outage left every root field empty", () => {
    expect(outageStatus({ data: { crossings: null }, errors: [unavailable] }, 200)).toBe(503);
    expect(outageStatus({ data: null, errors: [unavailable] }, 200)).toBe(503);
  });

  it("leaves answers without an outage alone", () => {
    expect(
      outageStatus({ data: { crossings: null }, errors: [{ message: "x", extensions: { code: "FORBIDDEN" } }] }, 200),
    ).toBe(200);
    expect(outageStatus({ data: { crossings: [] } }, 200)).toBe(200);
  });
});
