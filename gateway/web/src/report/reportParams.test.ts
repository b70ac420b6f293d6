/** The report's choice in the page address: read back as written, malformed parts replaced by defaults. */
import { describe, expect, it } from "@jest/globals";
import { choiceSearch, defaultYear, readChoice } from "./reportParams";

const now = new Date("2026-12-01T10:00:00Z");

describe("report choice", () => {
  it("defaults to the last complete year and the Statistics Office's default template", () => {
    expect(defaultYear(now)).toBe(2025);
    expect(readChoice("", now)).toEqual({ template: "", year: 2025 });
  });

  it("reads back what it writes", () => {
    const choice = { template: "REGIONAL_HARMONISED", year: 2023 };
    expect(readChoice(choiceSearch(choice), now)).toEqual(choice);
  });

  it("ignores a malformed year or template", () => {
    expect(readChoice("?year=20x5&template=<script>", now)).toEqual({ template: "", year: 2025 });
  });
});
