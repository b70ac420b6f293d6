import { describe, expect, it } from "@jest/globals";
import { csvField, csvRow } from "./csv";

describe("CSV (RFC 4180)", () => {
  it("quotes fields with a comma, a quote or a line break, doubling quotes", () => {
    expect(csvRow(["plain", "a,b", 'say "hi"', "two\nlines", "cr\r", 12, null])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\r",12,\r\n',
    );
  });

  it("leaves plain values and numbers as they are, empty for null", () => {
    expect(csvField("AGR-BP-INTERNAL-BORDER")).toBe("AGR-BP-INTERNAL-BORDER");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(undefined)).toBe("");
  });

  it("keeps a spreadsheet from running a value as a formula", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-svc")).toBe("'-svc");
  });
});
