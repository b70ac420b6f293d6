/** Row labels and headings of the report from the contract's code lists. */
import { describe, expect, it } from "@jest/globals";
import { codeLabel, dimensionTitle, humanise, regimeExplanation } from "./codes";
import type { Region } from "./queries";

const regions = new Map<string, Region>([["AM-ER", { code: "AM-ER", name: "Yerevan", parent: null }]]);
const refusals = {
  regions,
  classification: { name: "Reason for refusal", labels: new Map([["A", "No valid travel document"]]) },
};

describe("codeLabel", () => {
  it("words age groups, long for tables and short for chart axes", () => {
    expect(
      ["Y_LT5", "Y5-9", "Y15-17", "Y18-19", "Y75-79", "Y_GE80", "Y_LT18", "Y_GE18"].map((c) =>
        codeLabel("age", c, { regions }),
      ),
    ).toEqual(["Under 5", "5–9", "15–17", "18–19", "75–79", "80 and over", "Under 18", "18 and over"]);
    expect(["Y_LT5", "Y_GE80"].map((c) => codeLabel("age", c, { regions }, true))).toEqual(["<5", "80+"]);
  });

  it("names months, countries (with their code) and regions, and calls every dimension's _T the total and _U unknown", () => {
    expect(codeLabel("month", "03", { regions })).toBe("March");
    expect(codeLabel("month", "12", { regions }, true)).toBe("Dec");
    expect(codeLabel("citizenship", "GE", { regions })).toBe("Georgia (GE)");
    expect(codeLabel("citizenship", "GE", { regions }, true)).toBe("GE");
    expect(codeLabel("region", "AM-ER", { regions })).toBe("Yerevan");
    expect(codeLabel("region", "AM-ZZ", { regions })).toBe("AM-ZZ");
    expect(codeLabel("region", "AM-ER-_U", { regions })).toBe("Yerevan: district unknown");
    for (const d of ["age", "citizenship", "region", "month", "breakdown"] as const) {
      expect(codeLabel(d, "_T", { regions })).toBe("Total");
      expect(codeLabel(d, "_U", { regions })).toBe("Unknown");
    }
  });

  it("words a breakdown's code by the indicator's classification, or from the code itself", () => {
    expect(codeLabel("breakdown", "A", refusals)).toBe("No valid travel document");
    expect(codeLabel("breakdown", "A", refusals, true)).toBe("A");
    expect(codeLabel("breakdown", "B", refusals)).toBe("B");
    expect(humanise("FAMILY_REUNIFICATION")).toBe("Family reunification");
    expect(codeLabel("breakdown", "FAMILY_REUNIFICATION", { regions })).toBe("Family reunification");
  });
});

describe("headings", () => {
  it("names an indicator's classification, and what its region is the region of", () => {
    expect(dimensionTitle("breakdown", "REFUSALS_OF_ENTRY", refusals)).toBe("Reason for refusal");
    expect(dimensionTitle("region", "FIRST_PERMITS")).toBe("Region of residence");
    expect(dimensionTitle("region", "TRAFFICKING_VICTIMS")).toBe("Region where identified");
    expect(dimensionTitle("breakdown", "SOMETHING_NEW")).toBe("Breakdown");
    expect(dimensionTitle("age", "CROSSINGS")).toBe("Age group");
  });

  it("explains both disclosure regimes", () => {
    expect(regimeExplanation("STRICT")).toMatch(/below 10.*rounded to the nearest 5/);
    expect(regimeExplanation("STANDARD")).toMatch(/below 5/);
  });
});
