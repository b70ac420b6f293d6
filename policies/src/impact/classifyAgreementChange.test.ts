import { describe, expect, it } from "@jest/globals";
import type { Agreement } from "../agreements";
import { checkAgreements } from "./checkAgreements";
import { classifyAgreementChange, type AgreementGrants } from "./classifyAgreementChange";

const BORDER: AgreementGrants = {
  provider: "MIGRATION_SERVICE",
  consumer: "BORDER_POLICE",
  purposes: ["BORDER_CHECK"],
  roles: ["border-officer"],
  categories: ["IDENTIFIER", "IDENTITY"],
  specialCategories: [{ category: "CRIMINAL", roles: ["border-officer"] }],
  validFrom: "2024-01-01",
  validTo: "2030-12-31",
};

describe("widening and narrowing of an agreement change", () => {
  it("calls a new consumer role, purpose, category or special clause a widening, naming each new grant", () => {
    expect(classifyAgreementChange(BORDER, { ...BORDER, categories: ["IDENTIFIER", "IDENTITY", "RESIDENCE"] })).toEqual(
      {
        widens: ["BORDER_CHECK border-officer RESIDENCE"],
        narrows: [],
      },
    );
    expect(classifyAgreementChange(BORDER, { ...BORDER, roles: ["border-officer", "shift-lead"] }).widens).toEqual([
      "BORDER_CHECK shift-lead IDENTIFIER",
      "BORDER_CHECK shift-lead IDENTITY",
    ]);
    expect(
      classifyAgreementChange(BORDER, { ...BORDER, purposes: ["BORDER_CHECK", "RETURN_ENFORCEMENT"] }).widens,
    ).toEqual([
      "RETURN_ENFORCEMENT border-officer CRIMINAL",
      "RETURN_ENFORCEMENT border-officer IDENTIFIER",
      "RETURN_ENFORCEMENT border-officer IDENTITY",
    ]);
    const biometric = {
      ...BORDER,
      specialCategories: [...BORDER.specialCategories, { category: "BIOMETRIC", roles: ["border-officer"] }],
    };
    expect(classifyAgreementChange(BORDER, biometric).widens).toEqual(["BORDER_CHECK border-officer BIOMETRIC"]);
  });

  it("calls a longer validity a widening and a shorter one a narrowing", () => {
    expect(classifyAgreementChange(BORDER, { ...BORDER, validTo: "2031-12-31" })).toEqual({
      widens: ["validTo 2031-12-31"],
      narrows: [],
    });
    expect(classifyAgreementChange(BORDER, { ...BORDER, validFrom: "2023-06-01" }).widens).toEqual([
      "validFrom 2023-06-01",
    ]);
    expect(classifyAgreementChange(BORDER, { ...BORDER, validTo: "2027-12-31" })).toEqual({
      widens: [],
      narrows: ["validTo 2027-12-31"],
    });
  });

  it("calls a removed category, role or purpose a narrowing that widens nothing", () => {
    expect(classifyAgreementChange(BORDER, { ...BORDER, categories: ["IDENTIFIER"] })).toEqual({
      widens: [],
      narrows: ["BORDER_CHECK border-officer IDENTITY"],
    });
    expect(classifyAgreementChange(BORDER, { ...BORDER, specialCategories: [] })).toEqual({
      widens: [],
      narrows: ["BORDER_CHECK border-officer CRIMINAL"],
    });
  });

  it("sees no change where the grants are the same however written (order, a moved clause role)", () => {
    const reordered = { ...BORDER, categories: ["IDENTITY", "IDENTIFIER"] as AgreementGrants["categories"] };
    expect(classifyAgreementChange(BORDER, reordered)).toEqual({ widens: [], narrows: [] });
  });

  it("treats a new agreement as widening everything it grants, and another consumer as a grant to someone new", () => {
    expect(classifyAgreementChange(undefined, BORDER).widens).toHaveLength(3);
    expect(classifyAgreementChange(BORDER, undefined)).toEqual({
      widens: [],
      narrows: [
        "BORDER_CHECK border-officer CRIMINAL",
        "BORDER_CHECK border-officer IDENTIFIER",
        "BORDER_CHECK border-officer IDENTITY",
      ],
    });
    const toStatistics = classifyAgreementChange(BORDER, { ...BORDER, consumer: "STATISTICS_OFFICE" });
    expect(toStatistics.widens).toEqual([
      "consumer STATISTICS_OFFICE",
      "BORDER_CHECK border-officer CRIMINAL",
      "BORDER_CHECK border-officer IDENTIFIER",
      "BORDER_CHECK border-officer IDENTITY",
    ]);
    expect(toStatistics.narrows[0]).toBe("consumer BORDER_POLICE");
  });
});

const agreement = (overrides: Partial<Agreement> = {}): Agreement => ({
  ...BORDER,
  id: "AGR-MS-BP-BORDER",
  title: "Identity for border checks",
  legalBasis: "Test protocol, art. 1",
  file: "/repo/contracts/agreements/ms-to-bp-border.yaml",
  ...overrides,
});

const ACK = {
  by: "Head of Legal, Migration Service",
  date: "2026-11-28",
  reference: "Amendment 2, signed 2026-11-28",
  widens: ["BORDER_CHECK border-officer RESIDENCE"],
};
const wider = { categories: ["IDENTIFIER", "IDENTITY", "RESIDENCE"] as Agreement["categories"] };

describe("acknowledgment of a widening", () => {
  it("fails an unacknowledged widening and names what to add", () => {
    const result = checkAgreements([agreement()], [agreement(wider)], "/repo");
    expect(result.ok).toBe(false);
    expect(result.checks).toEqual([
      expect.objectContaining({
        id: "AGR-MS-BP-BORDER",
        file: "contracts/agreements/ms-to-bp-border.yaml",
        status: "unacknowledged",
        missing: ["BORDER_CHECK border-officer RESIDENCE"],
        problem: "the agreement has no acknowledgedWidening",
      }),
    ]);
  });

  it("accepts a widening acknowledged in the same change, naming every widening", () => {
    const result = checkAgreements([agreement()], [agreement({ ...wider, acknowledgedWidening: ACK })], "/repo");
    expect(result).toEqual({ ok: true, checks: [expect.objectContaining({ status: "acknowledged", missing: [] })] });
  });

  it("refuses an acknowledgment that leaves out one of the widenings", () => {
    const more = agreement({ ...wider, validTo: "2031-12-31", acknowledgedWidening: ACK });
    const result = checkAgreements([agreement()], [more], "/repo");
    expect(result.ok).toBe(false);
    expect(result.checks[0]).toMatchObject({ status: "unacknowledged", missing: ["validTo 2031-12-31"] });
  });

  it("does not let an earlier change's acknowledgment cover a new widening, even one it names", () => {
    const acknowledged = agreement({
      ...wider,
      acknowledgedWidening: { ...ACK, widens: [...ACK.widens, "validTo 2031-12-31"] },
    });
    const later = agreement({ ...acknowledged, validTo: "2031-12-31" });
    const result = checkAgreements([acknowledged], [later], "/repo");
    expect(result.ok).toBe(false);
    expect(result.checks[0]?.problem).toMatch(/that of an earlier change/);
  });

  it("needs no acknowledgment to narrow, and passes an unchanged set", () => {
    const narrower = checkAgreements([agreement()], [agreement({ categories: ["IDENTIFIER"] })], "/repo");
    expect(narrower).toEqual({ ok: true, checks: [expect.objectContaining({ status: "narrows", widens: [] })] });
    expect(checkAgreements([agreement()], [agreement({ title: "Renamed" })], "/repo")).toEqual({
      ok: true,
      checks: [],
    });
  });
});
