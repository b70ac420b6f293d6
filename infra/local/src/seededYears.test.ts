/** The years the first start pulls, and how a pull's outcome is told to the operator. */
import { describe, expect, it } from "@jest/globals";
import { generateWorld } from "@hub/synthetic";
import { describePull, exitCodeOf } from "./describePull";
import { seededYears, yearsOf } from "./seededYears";

describe("seededYears", () => {
  it("runs from the world's first record to the last year complete at its as-of date", () => {
    const world = generateWorld({ persons: 300, asOf: "2026-11-01" });
    const range = seededYears(world);
    const firstCrossing = world.crossings.map((c) => c.crossedAt).sort()[0] ?? "";
    expect(range.last).toBe(2025);
    expect(range.first).toBeLessThanOrEqual(Number(firstCrossing.slice(0, 4)));
    expect(yearsOf(range)).toEqual(Array.from({ length: 2025 - range.first + 1 }, (_, i) => range.first + i));
  });
});

describe("telling a pull", () => {
  it("names the template, year, counts, first request and the indicators left out", () => {
    const line = describePull({
      ...{ pullId: 3, template: "REGIONAL_HARMONISED", year: 2019, pulledAt: new Date(), indicators: 7, cells: 900 },
      requestIds: ["r-1", "r-2"],
      skipped: [{ indicator: "TRAFFICKING_VICTIMS", reason: "no records" }],
    });
    expect(line).toBe(
      "profile REGIONAL_HARMONISED 2019: 7 indicators, 900 cells pulled through the gateway (2 audited requests, first r-1); no table for TRAFFICKING_VICTIMS (no records that year)",
    );
  });

  it("counts the indicators left out when they are many, and speaks of one in the singular", () => {
    const line = describePull({
      ...{ pullId: 4, template: "NATIONAL_EXTENDED", year: 2012, pulledAt: new Date(), indicators: 1, cells: 309 },
      requestIds: ["r-9"],
      skipped: ["CROSSINGS", "ENTRY_BANS", "RETURNS", "ORDERS_TO_LEAVE"].map((indicator) => ({
        indicator,
        reason: "no records",
      })),
    });
    expect(line).toBe(
      "profile NATIONAL_EXTENDED 2012: 1 indicator, 309 cells pulled through the gateway (1 audited request, first r-9); 4 indicators without records that year",
    );
  });

  it("gives each way of failing the exit code of what to do next", () => {
    expect([
      exitCodeOf("USAGE"),
      exitCodeOf("UNKNOWN_TEMPLATE"),
      exitCodeOf("GATEWAY_UNREACHABLE"),
      exitCodeOf("REFUSED"),
      exitCodeOf("SOURCE_REFUSED_INPUT"),
      exitCodeOf("REGIME_MISMATCH"),
    ]).toEqual([2, 2, 3, 4, 5, 6]);
  });
});
