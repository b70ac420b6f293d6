/** Tests of the synthetic world: determinism, referential integrity, minimum content, and scale. */
import { describe, expect, it } from "@jest/globals";
import { CASEWORKERS, DEMO_PSEUDONYM_KEY, type SyntheticWorld, base32, generateWorld, personRefFor } from "./index";

const small = generateWorld({ persons: 300 });

/** Every record array of the world with its id field, for the uniqueness checks. */
function idsOf(world: SyntheticWorld): Record<string, string[]> {
  return {
    personRef: world.persons.map((p) => p.personRef),
    nationalId: world.persons.map((p) => p.nationalId),
    documentNumber: world.travelDocuments.map((d) => d.documentNumber),
    crossing: world.crossings.map((c) => c.id),
    refusal: world.entryRefusals.map((r) => r.id),
    ban: world.entryBans.map((b) => b.id),
    screening: world.deporteeScreenings.map((s) => s.id),
    permit: world.residencePermits.map((p) => p.permitNumber),
    application: world.asylumApplications.map((a) => a.applicationId),
    decision: world.returnDecisions.map((d) => d.decisionId),
    traffickingCase: world.traffickingCases.map((c) => c.caseId),
  };
}

/** Records that carry a retention date, by kind. */
function retainedKinds(world: SyntheticWorld): Record<string, { retainUntil: string }[]> {
  return {
    persons: world.persons,
    travelDocuments: world.travelDocuments,
    crossings: world.crossings,
    entryRefusals: world.entryRefusals,
    entryBans: world.entryBans,
    deporteeScreenings: world.deporteeScreenings,
    residencePermits: world.residencePermits,
    asylumApplications: world.asylumApplications,
    returnDecisions: world.returnDecisions,
    traffickingCases: world.traffickingCases,
  };
}

function isMinor(dateOfBirth: string, asOf: string): boolean {
  const eighteenth = `${Number(dateOfBirth.slice(0, 4)) + 18}${dateOfBirth.slice(4)}`;
  return eighteenth > asOf;
}

describe("personRefFor", () => {
  it("encodes base32 as RFC 4648 does, without padding", () => {
    expect(base32(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32(Buffer.from("f"))).toBe("MY");
  });

  it("is 'PR' and 16 base32 characters, keyed and stable", () => {
    const ref = personRefFor("1234567890", DEMO_PSEUDONYM_KEY);
    expect(ref).toMatch(/^PR[A-Z2-7]{16}$/);
    expect(personRefFor("1234567890", DEMO_PSEUDONYM_KEY)).toBe(ref);
    expect(personRefFor("1234567890", "another key")).not.toBe(ref);
  });
});

describe("generateWorld", () => {
  it("gives the same world for the same options", () => {
    expect(JSON.stringify(generateWorld({ persons: 300 }))).toBe(JSON.stringify(small));
    expect(JSON.stringify(generateWorld({ persons: 300, seed: 7 }))).not.toBe(JSON.stringify(small));
  });

  it("derives person references from the national id with the given key", () => {
    const world = generateWorld({ persons: 50, pseudonymKey: "secret" });
    for (const p of world.persons) expect(p.personRef).toBe(personRefFor(p.nationalId, "secret"));
  });

  it("gives unique identifiers", () => {
    for (const [kind, ids] of Object.entries(idsOf(small))) {
      expect({ kind, duplicates: ids.length - new Set(ids).size }).toEqual({ kind, duplicates: 0 });
      expect(ids.every((id) => id.length > 0)).toBe(true);
    }
    expect(small.persons.every((p) => /^\d{10}$/.test(p.nationalId))).toBe(true);
    expect(small.travelDocuments.every((d) => /^[A-Z]{2}\d{7}$/.test(d.documentNumber))).toBe(true);
    expect(small.crossings.every((c) => /^BC\d{8}$/.test(c.id))).toBe(true);
    expect(small.traffickingCases.every((c) => /^THB-\d{4}-\d{5}$/.test(c.caseId))).toBe(true);
  });

  it("keeps every reference pointing at an existing record", () => {
    const persons = new Map(small.persons.map((p) => [p.personRef, p]));
    const documents = new Map(small.travelDocuments.map((d) => [d.documentNumber, d]));
    const points = new Set(small.crossingPoints.map((p) => p.code));
    const countries = new Set(small.countries.map((c) => c.code));
    const perPerson: { personRef: string }[] = [
      ...small.travelDocuments,
      ...small.crossings,
      ...small.entryRefusals,
      ...small.entryBans,
      ...small.deporteeScreenings,
      ...small.residencePermits,
      ...small.asylumApplications,
      ...small.returnDecisions,
      ...small.traffickingCases,
    ];
    for (const r of perPerson) expect(persons.has(r.personRef)).toBe(true);
    for (const p of small.persons) {
      for (const c of [...p.citizenships, p.countryOfBirth]) expect(countries.has(c)).toBe(true);
      if (p.guardianPersonRef === null) continue;
      const guardian = persons.get(p.guardianPersonRef);
      expect(guardian?.citizenships[0]).toBe(p.citizenships[0]);
      expect(isMinor(p.dateOfBirth, small.asOf)).toBe(true);
      expect(isMinor(guardian?.dateOfBirth ?? "", small.asOf)).toBe(false);
    }
    for (const c of small.crossings) {
      const document = documents.get(c.documentNumber);
      expect(document?.personRef).toBe(c.personRef);
      expect(points.has(c.crossingPointCode)).toBe(true);
      if (c.accompanyingPersonRef !== null) expect(persons.has(c.accompanyingPersonRef)).toBe(true);
    }
    for (const r of [...small.entryRefusals, ...small.deporteeScreenings]) {
      expect(points.has(r.crossingPointCode)).toBe(true);
    }
    const codes = [
      ...small.crossingPoints.flatMap((p) => (p.neighbourCountry ? [p.neighbourCountry] : [])),
      ...small.travelDocuments.map((d) => d.issuingCountry),
      ...small.deporteeScreenings.map((s) => s.deportingCountry),
      ...small.asylumApplications.map((a) => a.countryOfOrigin),
      ...small.returnDecisions.map((d) => d.destinationCountry),
      ...small.traffickingCases.map((c) => c.countryOfExploitation),
    ];
    for (const code of codes) expect(countries.has(code)).toBe(true);
  });

  it("alternates entry and exit per person and crosses only on valid documents", () => {
    const documents = new Map(small.travelDocuments.map((d) => [d.documentNumber, d]));
    const last = new Map<string, string>();
    const sorted = [...small.crossings].sort((a, b) => (a.crossedAt < b.crossedAt ? -1 : 1));
    for (const c of sorted) {
      expect(last.get(c.personRef)).not.toBe(c.direction);
      last.set(c.personRef, c.direction);
      const document = documents.get(c.documentNumber);
      const day = c.crossedAt.slice(0, 10);
      expect(document !== undefined && document.issuedOn <= day && day <= document.expiresOn).toBe(true);
      expect(c.crossedAt < small.asOf).toBe(true);
    }
  });

  it("shows every kind of record, even in a small world", () => {
    const { asOf } = small;
    for (const [kind, records] of Object.entries(retainedKinds(small))) {
      expect({ kind, some: records.length >= 3 }).toEqual({ kind, some: true });
      const lapsed = records.filter((r) => r.retainUntil < asOf).length;
      expect({ kind, lapsed: lapsed >= 1 }).toEqual({ kind, lapsed: true });
    }
    expect(small.persons.filter((p) => p.guardianPersonRef !== null).length).toBeGreaterThanOrEqual(3);
    expect(small.crossings.some((c) => c.accompaniedMinor && c.accompanyingPersonRef !== null)).toBe(true);
    const ofLead = small.traffickingCases.filter((c) => c.assignedCaseworker === CASEWORKERS[0]);
    expect(ofLead.length).toBeGreaterThanOrEqual(2);
    expect(small.traffickingCases.some((c) => c.reflectionPeriodUntil >= asOf)).toBe(true);
    expect(new Set(small.asylumApplications.map((a) => a.countryOfOrigin)).size).toBeGreaterThanOrEqual(3);
    expect(small.residencePermits.some((p) => p.status === "EXPIRED")).toBe(true);
    expect(small.residencePermits.some((p) => p.status === "VALID")).toBe(true);
    expect(small.deporteeScreenings.some((s) => s.traffickingIndicators.length > 0)).toBe(true);
  });

  it("keeps record dates consistent", () => {
    for (const a of small.asylumApplications) {
      expect(a.outcome === "PENDING").toBe(a.decidedOn === null);
      if (a.decidedOn !== null) expect(a.decidedOn >= a.lodgedOn).toBe(true);
    }
    for (const d of small.returnDecisions) expect(d.status === "ENFORCED").toBe(d.returnedOn !== null);
    for (const p of small.residencePermits) {
      expect(p.employer !== null).toBe(p.permitType === "REMUNERATED");
      if (p.status !== "REVOKED") expect(p.status === "VALID").toBe(p.validUntil >= small.asOf);
    }
    const firstPermits = small.residencePermits.filter((p) => p.firstPermit).map((p) => p.personRef);
    expect(new Set(firstPermits).size).toBe(firstPermits.length);
    expect(new Set(firstPermits).size).toBe(new Set(small.residencePermits.map((p) => p.personRef)).size);
  });

  it("works for tiny worlds and other dates", () => {
    expect(generateWorld({ persons: 1 }).persons).toHaveLength(1);
    const early = generateWorld({ persons: 200, asOf: "2020-03-15", seed: 1 });
    expect(early.crossings.every((c) => c.crossedAt < "2020-03-15")).toBe(true);
  });

  it("has about six crossings per person", () => {
    const world = generateWorld({ persons: 5000 });
    const ratio = world.crossings.length / world.persons.length;
    expect(ratio).toBeGreaterThan(4);
    expect(ratio).toBeLessThan(9);
  });

  it("scales to 50,000 persons", () => {
    const world = generateWorld({ persons: 50_000 });
    expect(world.persons).toHaveLength(50_000);
    expect(world.crossings.length).toBeGreaterThan(250_000);
  }, 60_000);
});
