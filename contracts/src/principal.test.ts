import { describe, expect, it } from "@jest/globals";
import { countryOfAuthority, isForeignAuthorityId, isForeignPrincipal, principalSchema } from "./principal";

const principal = {
  subject: "tr-pmm-readmission-017",
  agency: "TR-PMM",
  role: "readmission-officer",
  purposes: ["RETURN_ENFORCEMENT"],
  country: "TR",
  cases: [],
};

describe("foreign authority ids (R14-2)", () => {
  it.each(["TR-PMM", "GE-MIA", "DE-BAMF", "UA-DMS2"])("accepts %s", (id) => {
    expect(isForeignAuthorityId(id)).toBe(true);
  });

  it.each([
    "BORDER_POLICE",
    "TR_PMM",
    "tr-pmm",
    "TR-",
    "-PMM",
    "TR-PMM-X",
    "TUR-PMM",
    "TR-1PMM",
    `TR-${"A".repeat(17)}`,
    7,
  ])("refuses %s", (id) => {
    expect(isForeignAuthorityId(id)).toBe(false);
  });

  it("names its country by its prefix", () => {
    expect(countryOfAuthority("GE-MIA")).toBe("GE");
  });
});

describe("principalSchema", () => {
  it("takes a foreign authority of the caller's country as the body it acts for", () => {
    const parsed = principalSchema.parse(principal);
    expect(parsed.agency).toBe("TR-PMM");
    expect(isForeignPrincipal(parsed)).toBe(true);
    expect(isForeignPrincipal({ ...parsed, agency: "BORDER_POLICE" })).toBe(false);
  });

  it("refuses a foreign authority of another country than the caller's, at agency", () => {
    const result = principalSchema.safeParse({ ...principal, country: "GE" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["agency"]);
  });

  it("refuses a body that is neither an agency nor an authority id", () => {
    expect(principalSchema.safeParse({ ...principal, agency: "CUSTOMS" }).success).toBe(false);
  });
});
