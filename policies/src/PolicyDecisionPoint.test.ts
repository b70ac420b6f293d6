/**
 * The decision cache is keyed by the exact request the engine evaluates: property tests compare
 * decisions through the cache with fresh, uncached evaluations of the same requests.
 */
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { AGENCIES, DATA_CATEGORIES, PURPOSES, type Principal } from "@hub/contracts";
import { consumerId } from "./agreements";
import { PolicyDecisionPoint, readsRetentionOnlyAgainstNow, type DecisionRequest } from "./PolicyDecisionPoint";
import { defaultPolicyPaths } from "./policySet";

const paths = defaultPolicyPaths(path.resolve(__dirname, "..", ".."));
const uncached = PolicyDecisionPoint.load(paths, "AM", { cacheLimit: 0 });

// Small domains, so that random requests often agree in all but one or two attributes.
const SUBJECTS = ["officer-0147", "caseworker-01", "caseworker-02", "tr-pmm-readmission-017"];
const BODIES = [...AGENCIES, "TR-PMM", "GE-MIA", "RU-MVD", "AM-POLICE"] as const;
const ROLES = ["border-officer", "investigator", "clerk", "asylum-officer", "caseworker", "statistician"];
const FOREIGN_ROLES = ["readmission-officer", "police-investigator", "auditor", "dpo"];
const COUNTRIES = ["AM", "TR", "GE", "RU", "KZ", "CN"];
const DAYS = ["2023-06-01", "2026-11-24", "2026-11-25", "2026-11-26", "2026-12-31", "2027-11-26", "2030-06-01"];

const principal: fc.Arbitrary<Principal> = fc
  .record({
    subject: fc.constantFrom(...SUBJECTS),
    agency: fc.constantFrom(...BODIES),
    role: fc.constantFrom(...ROLES, ...FOREIGN_ROLES),
    purposes: fc.subarray([...PURPOSES]),
    country: fc.constantFrom(...COUNTRIES),
    cases: fc.constant([] as string[]),
  })
  // A foreign authority is of the country its id names (principalSchema); any other pairing is as
  // the token says.
  .map((p) => (p.agency.includes("-") ? { ...p, country: p.agency.slice(0, 2) } : p) as Principal);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const request: fc.Arbitrary<DecisionRequest> = fc
  .record({
    principal,
    purpose: fc.constantFrom(...PURPOSES),
    category: fc.constantFrom(...DATA_CATEGORIES, "UNCLASSIFIED" as const),
    owner: fc.constantFrom(...AGENCIES, "UNKNOWN"),
    authorizationUntil: optional(fc.constantFrom(...DAYS)),
    unkeyedList: optional(fc.boolean()),
    record: optional(
      fc.record(
        {
          retainUntil: fc.constantFrom(...DAYS),
          subjectMinor: fc.boolean(),
          assignedCaseworker: fc.constantFrom(...SUBJECTS),
          countryOfOrigin: fc.constantFrom(...COUNTRIES),
          asylumDerived: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    ),
    today: fc.constantFrom(...DAYS.slice(1, 5)),
  })
  // Leave absent attributes out rather than undefined, as callers do.
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as unknown as DecisionRequest);

/** Takes each attribute (the principal's one by one) from `a` or from `b`, as `mask` says. */
function mix(a: DecisionRequest, b: DecisionRequest, mask: readonly boolean[]): DecisionRequest {
  let i = 0;
  const pick = <T>(x: T, y: T): T => (mask[i++ % mask.length] ? x : y);
  const p = {
    subject: pick(a.principal.subject, b.principal.subject),
    agency: pick(a.principal.agency, b.principal.agency),
    role: pick(a.principal.role, b.principal.role),
    purposes: pick(a.principal.purposes, b.principal.purposes),
    country: pick(a.principal.country, b.principal.country),
    cases: [],
  };
  const mixed: Record<string, unknown> = { principal: p };
  for (const key of ["purpose", "category", "owner", "authorizationUntil", "unkeyedList", "today"] as const) {
    const value = pick(a[key], b[key]);
    if (value !== undefined) mixed[key] = value;
  }
  const record = pick(a.record, b.record);
  const other = record === a.record ? b.record : a.record;
  if (record) {
    const facts: Record<string, unknown> = {};
    for (const key of [
      "retainUntil",
      "subjectMinor",
      "assignedCaseworker",
      "countryOfOrigin",
      "asylumDerived",
    ] as const) {
      const value = pick(record[key], other?.[key]);
      if (value !== undefined) facts[key] = value;
    }
    mixed.record = facts;
  }
  return mixed as unknown as DecisionRequest;
}

const outcome = (pdp: PolicyDecisionPoint, r: DecisionRequest) => {
  const d = pdp.decide(r);
  return { allowed: d.allowed, rule: d.rule, policies: d.policies };
};

/** Requests an agreement grants (its consumer, role, purpose, category, owner, within its validity). */
const granted: fc.Arbitrary<DecisionRequest> = fc
  .constantFrom(...uncached.policySet.agreements)
  .chain((a) =>
    fc.record({
      principal: fc.record({
        subject: fc.constantFrom(...SUBJECTS),
        agency: fc.constant(consumerId(a)),
        role: fc.constantFrom(...a.roles),
        purposes: fc.constant([...a.purposes]),
        country: fc.constant(typeof a.consumer === "string" ? "AM" : a.consumer.country),
        cases: fc.constant([] as string[]),
      }),
      purpose: fc.constantFrom(...a.purposes),
      category: fc.constantFrom(...a.categories, ...a.specialCategories.map((c) => c.category)),
      owner: fc.constant(a.provider),
      today: fc.constant(a.validFrom),
    }),
  )
  .map((r) => r as DecisionRequest);

describe("PolicyDecisionPoint's partitioned evaluation", () => {
  const reference = PolicyDecisionPoint.load(paths, "AM", { cacheLimit: 0, evaluation: "reference" });

  it("decides every request as the whole policy set does, on requests the schema validates", () => {
    // The reference throws if a request does not validate against the schema.
    fc.assert(
      fc.property(granted, request, fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }), (g, r, mask) => {
        for (const asked of [g, r, mix(g, r, mask)])
          expect(outcome(uncached, asked)).toEqual(outcome(reference, asked));
      }),
      { numRuns: 600 },
    );
  });

  it("is asked requests that agreements grant, and some that they do not", () => {
    const sample = fc.sample(granted, 200).map((r) => uncached.decide(r).allowed);
    expect(sample.filter(Boolean).length).toBeGreaterThan(50);
    expect(sample.filter((allowed) => !allowed).length).toBeGreaterThan(0);
  });
});

describe("PolicyDecisionPoint's decision cache", () => {
  it("never answers a request with the cached decision of a request differing in any attribute", () => {
    const cached = PolicyDecisionPoint.load(paths, "AM");
    fc.assert(
      fc.property(request, request, fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }), (a, b, mask) => {
        const near = mix(a, b, mask);
        // Fill the cache with the first, then ask for the other two through it.
        cached.decide(a);
        expect(outcome(cached, near)).toEqual(outcome(uncached, near));
        expect(outcome(cached, b)).toEqual(outcome(uncached, b));
        expect(outcome(cached, a)).toEqual(outcome(uncached, a));
      }),
      { numRuns: 400 },
    );
  });

  it("answers a long random sequence exactly as fresh evaluations do", () => {
    const cached = PolicyDecisionPoint.load(paths, "AM", { cacheLimit: 64 });
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 60 }), (requests) => {
        for (const r of requests) expect(outcome(cached, r)).toEqual(outcome(uncached, r));
      }),
      { numRuns: 60 },
    );
  });

  it("keeps a cached decision to a few microseconds", () => {
    const cached = PolicyDecisionPoint.load(paths, "AM");
    const r: DecisionRequest = {
      principal: {
        subject: "officer-0147",
        agency: "BORDER_POLICE",
        role: "border-officer",
        purposes: ["BORDER_CHECK", "RETURN_ENFORCEMENT"],
        country: "AM",
        cases: [],
      },
      purpose: "BORDER_CHECK",
      category: "TRAVEL",
      owner: "BORDER_POLICE",
      record: { retainUntil: "2031-01-01" },
    };
    cached.decide(r);
    const runs = 20_000;
    const started = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) cached.decide(r);
    const microseconds = Number(process.hrtime.bigint() - started) / 1000 / runs;
    // Typically 2-4 µs here; the bound leaves room for a loaded CI machine.
    expect(microseconds).toBeLessThan(40);
  });
});

describe("readsRetentionOnlyAgainstNow", () => {
  it("holds for the project's policy set, whose only reading of retainUntil is R5-4's", () => {
    const set = uncached.policySet;
    expect(readsRetentionOnlyAgainstNow([...set.policies.values()].map((p) => p.text))).toBe(true);
  });

  it("fails for a policy that reads the retention date in any other way", () => {
    const r54 =
      "when { context has record && context.record has retainUntil && context.record.retainUntil < context.now };";
    expect(readsRetentionOnlyAgainstNow([r54])).toBe(true);
    for (const other of [
      'when { context.record has retainUntil && context.record.retainUntil < context.now.offset(duration("30d")) };',
      "when { context.record has retainUntil && context.now > context.record.retainUntil };",
      "when { context.record has retainUntil && context.record.retainUntil <= context.now };",
    ]) {
      expect(readsRetentionOnlyAgainstNow([r54, other])).toBe(false);
    }
  });
});
