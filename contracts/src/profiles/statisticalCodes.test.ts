/** The age code list: bands that cover every age once and nest in minors and adults. */
import { describe, expect, it } from "@jest/globals";
import { ADULT_AGE_BANDS, AGE_BANDS, MINOR_AGE_BANDS, ageBandRange, unknownDistrictOf } from "./statisticalCodes";

describe("age bands", () => {
  it("follow one another without a gap or an overlap, from 0 to no upper bound", () => {
    const ranges = AGE_BANDS.map(ageBandRange);
    expect(ranges[0]?.from).toBe(0);
    ranges.slice(1).forEach((range, i) => expect(range.from).toBe((ranges[i]?.to as number) + 1));
    expect(ranges.at(-1)?.to).toBeNull();
  });

  it("split at 18, so minors' bands add up to Y_LT18 and adults' to Y_GE18", () => {
    expect(ageBandRange(MINOR_AGE_BANDS.at(-1) as string)).toEqual({ from: 15, to: 17 });
    expect(ageBandRange(ADULT_AGE_BANDS[0])).toEqual({ from: 18, to: 19 });
    expect(() => ageBandRange("Y_LT18X")).toThrow(/not an age band/);
  });
});

describe("unknownDistrictOf", () => {
  it("extends the region's code, as a district's code does", () => {
    expect(unknownDistrictOf("AM-ER")).toBe("AM-ER-_U");
  });
});
