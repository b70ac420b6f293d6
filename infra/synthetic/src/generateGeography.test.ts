/** Tests of the synthetic world's geography and of what travel documents say about their holders. */
import { describe, expect, it } from "@jest/globals";
import { CROSSING_POINTS, REGIONS, generateWorld } from "./index";

const world = generateWorld({ persons: 20_000 });
const demo = generateWorld({ persons: 3000 });

const regionCodes = new Set(REGIONS.filter((r) => r.parent === null).map((r) => r.code));
const districtsOf = new Map(REGIONS.filter((r) => r.parent !== null).map((r) => [r.code, r.parent]));

/** Count of each key, largest first. */
function tally(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1]));
}

/** Holders by region of residence: each holder has exactly one first permit. */
function holdersByRegion(permits: typeof world.residencePermits): Map<string, number> {
  return tally(permits.filter((p) => p.firstPermit).map((p) => p.residenceRegion));
}

/** Days from one `YYYY-MM-DD` date to another. */
function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

describe("regions", () => {
  it("are part of the world, districts linked to Yerevan", () => {
    expect(world.regions).toEqual(REGIONS);
    expect(regionCodes.size).toBe(11);
    for (const parent of districtsOf.values()) expect(parent).toBe("AM-ER");
    for (const p of world.crossingPoints) expect(regionCodes.has(p.region)).toBe(true);
  });
});

describe("residence of permit holders", () => {
  it("is a region, with a Yerevan district exactly when the region is Yerevan", () => {
    for (const p of world.residencePermits) {
      expect(regionCodes.has(p.residenceRegion)).toBe(true);
      if (p.residenceRegion === "AM-ER") expect(districtsOf.get(p.residenceDistrict ?? "")).toBe("AM-ER");
      else expect(p.residenceDistrict).toBeNull();
    }
  });

  it("is the same on every permit of a holder", () => {
    const seen = new Map<string, string>();
    for (const p of world.residencePermits) {
      const place = `${p.residenceRegion}/${p.residenceDistrict ?? ""}`;
      expect(seen.get(p.personRef) ?? place).toBe(place);
      seen.set(p.personRef, place);
    }
  });

  it("concentrates in Yerevan, unequally across its districts, with very few in Vayots Dzor and Tavush", () => {
    const byRegion = holdersByRegion(world.residencePermits);
    const holders = [...byRegion.values()].reduce((a, b) => a + b, 0);
    const share = (code: string): number => (byRegion.get(code) ?? 0) / holders;
    expect(share("AM-ER")).toBeGreaterThan(0.53);
    expect(share("AM-ER")).toBeLessThan(0.62);
    expect([...byRegion.keys()][0]).toBe("AM-ER");
    expect(share("AM-VD")).toBeLessThan(0.015);
    expect(share("AM-TV")).toBeLessThan(0.02);
    const byDistrict = tally(
      world.residencePermits.filter((p) => p.firstPermit).flatMap((p) => p.residenceDistrict ?? []),
    );
    expect(byDistrict.size).toBe(12);
    const counts = [...byDistrict.values()];
    expect((counts[0] ?? 0) / (counts[counts.length - 1] ?? 1)).toBeGreaterThan(8);
  });

  it("leaves some regions with fewer than five first permits in the demo world, so suppression bites", () => {
    const byRegion = holdersByRegion(demo.residencePermits);
    const small = [...regionCodes].filter((code) => (byRegion.get(code) ?? 0) < 5);
    expect(small.length).toBeGreaterThanOrEqual(1);
  });
});

describe("region where trafficking victims were identified", () => {
  const pointRegion = new Map(CROSSING_POINTS.map((p) => [p.code, p.region]));

  it("is a region, the screening's for victims referred at the border", () => {
    for (const c of world.traffickingCases) expect(regionCodes.has(c.identifiedRegion)).toBe(true);
    let referred = 0;
    for (const c of world.traffickingCases) {
      const screening = world.deporteeScreenings.find((s) => {
        const days = daysBetween(s.screenedOn, c.identifiedOn);
        return s.personRef === c.personRef && s.traffickingIndicators.length > 0 && days >= 0 && days <= 14;
      });
      if (screening === undefined) continue;
      referred++;
      expect(c.identifiedRegion).toBe(pointRegion.get(screening.crossingPointCode));
    }
    expect(referred).toBeGreaterThan(0);
  });

  it("is mostly Yerevan, and in the demo world some region has one to four cases", () => {
    const byRegion = tally(world.traffickingCases.map((c) => c.identifiedRegion));
    expect([...byRegion.keys()][0]).toBe("AM-ER");
    const demoCounts = [...tally(demo.traffickingCases.map((c) => c.identifiedRegion)).values()];
    expect(demoCounts.some((n) => n >= 1 && n < 5)).toBe(true);
  });
});

describe("travel documents", () => {
  const persons = new Map(world.persons.map((p) => [p.personRef, p]));

  it("carry the holder's sex and a nationality the holder has", () => {
    for (const d of world.travelDocuments) {
      const holder = persons.get(d.personRef);
      expect(d.holderSex).toBe(holder?.sex);
      expect(holder?.citizenships).toContain(d.holderNationality);
      if (d.kind === "PASSPORT" || d.kind === "ID_CARD") expect(d.holderNationality).toBe(d.issuingCountry);
    }
  });
});
