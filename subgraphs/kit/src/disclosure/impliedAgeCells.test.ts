/**
 * The two age classifications over one total imply cells no cube publishes: persons aged 15-17
 * are Y_LT18 minus the bands under 15, persons aged 18-19 are Y15-19 minus those. Such a cell is
 * a minors' cell like any other, so a small one must not follow from the cells served.
 */
import { describe, expect, it } from "@jest/globals";
import { ageDimension } from "./ageDimension";
import { countRecords, type CountedRecord } from "./countRecords";
import { protectTable } from "./protectTable";
import { flatDimension, type TableDefinition } from "./TableDefinition";

const DEFINITION: TableDefinition = {
  dimensions: [flatDimension("SEX", "TOTAL", ["FEMALE", "MALE"]), ageDimension()],
  cubes: [["SEX", "AGE"]],
};

describe("ages 15-17 between the two classifications", () => {
  it("are not served as a difference below the minors' threshold", () => {
    // 20 persons in every band and sex; 3 women and 17 men of the 15-19 band are under 18.
    const groups: [CountedRecord, number][] = ["FEMALE", "MALE"].flatMap((sex) => [
      ...["Y_LT5", "Y5-9", "Y10-14"].map((band): [CountedRecord, number] => [
        { SEX: [sex], AGE: [band, "Y_LT18"] },
        20,
      ]),
      [{ SEX: [sex], AGE: ["Y15-19", "Y_LT18"] }, sex === "FEMALE" ? 3 : 17],
      [{ SEX: [sex], AGE: ["Y15-19", "Y_GE18"] }, sex === "FEMALE" ? 17 : 3],
      ...["Y20-24", "Y25-29", "Y30-34", "Y35-39", "Y40-44", "Y45-49", "Y50-54", "Y55-59", "Y60-64"]
        .concat(["Y65-69", "Y70-74", "Y75-79", "Y_GE80"])
        .map((band): [CountedRecord, number] => [{ SEX: [sex], AGE: [band, "Y_GE18"] }, 20]),
    ]);
    const records = groups.flatMap(([record, n]) => Array.from({ length: n }, () => record));
    const counts = countRecords(DEFINITION, records);
    const table = protectTable(DEFINITION, counts, "STANDARD");
    const value = (age: string) =>
      table.cells.find((c) => c.coordinates.SEX === "FEMALE" && c.coordinates.AGE === age)?.value ?? null;
    const parts = [value("Y_LT18"), value("Y_LT5"), value("Y5-9"), value("Y10-14")];
    const women15to17 = parts.includes(null)
      ? null
      : (parts[0] as number) - (parts[1] as number) - (parts[2] as number) - (parts[3] as number);
    // Served: 63 - 20 - 20 - 20 = 3 women aged 15-17.
    expect(women15to17).toBeNull();
  });
});
