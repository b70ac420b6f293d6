/** Subject access reports (R9-1): every disclosure with its legal basis, criminal investigations only once released. */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { loadAgreements } from "@hub/policies";
import {
  appendEvents,
  createAuditTestDatabase,
  createTestKey,
  testEvent,
  type AuditTestDatabase,
} from "./testing/auditTestDatabase";
import { subjectAccessReport } from "./subjectAccessReport";

const agreements = new Map(
  loadAgreements(path.resolve(__dirname, "../../../contracts/agreements")).map((a) => [a.id, a]),
);
const PERSON = "P-7f3c9a";
const TRAVELLER = "P-2b81d4";
/** A second person whose flag came back in the same request as TRAVELLER's, with nothing withheld. */
const NEIGHBOUR = "P-5d0e17";
/** The Migration Service's silent report: the flag left an application of the caller's country out (R14-3). */
const withheldFlag = {
  by: "migration-service",
  rule: "R14-3",
  article: "Refugee law (non-refoulement); 108+ Art. 14",
  category: "FLAG",
  owner: "MIGRATION_SERVICE",
  count: 1,
  path: ["_entities", 0, "isProtectionHolder"],
  silent: true,
};
let t: AuditTestDatabase;

beforeAll(async () => {
  t = await createAuditTestDatabase();
  await appendEvents(
    t.db,
    [
      testEvent(1, { disclosedPersonRefs: [PERSON, "P-other"], subject: "officer-0147" }),
      testEvent(2, { disclosedPersonRefs: [PERSON], outcome: "DENIED", categories: [] }),
      testEvent(3, {
        disclosedPersonRefs: [PERSON],
        subject: "investigator-0007",
        role: "investigator",
        purpose: "CRIMINAL_INVESTIGATION",
        authorizationRef: "PO-2026-118",
        agreements: ["AGR-BP-INTERNAL-INVESTIGATION"],
        categories: ["TRAVEL", "CRIMINAL"],
        releaseAfter: "2027-01-01",
      }),
      testEvent(4, {
        disclosedPersonRefs: [PERSON],
        subject: "clerk-0011",
        agency: "MIGRATION_SERVICE",
        role: "clerk",
        purpose: "RESIDENCE_ADMIN",
        outcome: "PARTIAL",
        agreements: ["AGR-GONE"],
      }),
      testEvent(5, { disclosedPersonRefs: ["P-other"] }),
      // A foreign recipient (R14-2): identity served, the protection flag withheld under R14-3.
      testEvent(6, {
        disclosedPersonRefs: [TRAVELLER],
        subject: "tr-pmm-readmission-017",
        agency: "TR-PMM",
        role: "readmission-officer",
        country: "TR",
        purpose: "RETURN_ENFORCEMENT",
        agreements: ["AGR-MS-TR-READMISSION"],
        fieldsAllowed: [
          {
            field: "Person.familyName",
            category: "IDENTITY",
            owner: "MIGRATION_SERVICE",
            policies: ["AGR-MS-TR-READMISSION"],
          },
          {
            field: "Person.isProtectionHolder",
            category: "FLAG",
            owner: "MIGRATION_SERVICE",
            policies: ["AGR-MS-TR-READMISSION"],
          },
        ],
        refusals: [withheldFlag],
        categories: ["FLAG", "IDENTITY"],
      }),
      // Asked only for the flag, and refused under R14-3: a disclosure of nothing.
      testEvent(7, {
        disclosedPersonRefs: [TRAVELLER],
        agency: "TR-PMM",
        role: "readmission-officer",
        country: "TR",
        purpose: "RETURN_ENFORCEMENT",
        agreements: ["AGR-MS-TR-READMISSION"],
        fieldsAllowed: [
          {
            field: "Person.isProtectionHolder",
            category: "FLAG",
            owner: "MIGRATION_SERVICE",
            policies: ["AGR-MS-TR-READMISSION"],
          },
        ],
        refusals: [withheldFlag],
        categories: ["FLAG"],
      }),
      // Two persons' flags in one request; only TRAVELLER's record was withheld (R14-3).
      testEvent(9, {
        disclosedPersonRefs: [TRAVELLER, NEIGHBOUR],
        agency: "TR-PMM",
        role: "readmission-officer",
        country: "TR",
        purpose: "RETURN_ENFORCEMENT",
        agreements: ["AGR-MS-TR-READMISSION"],
        fieldsAllowed: [
          {
            field: "Person.isProtectionHolder",
            category: "FLAG",
            owner: "MIGRATION_SERVICE",
            policies: ["AGR-MS-TR-READMISSION"],
          },
        ],
        refusals: [{ ...withheldFlag, personRefs: [TRAVELLER] }],
        categories: ["FLAG"],
      }),
      // The flag and another FLAG field: the other one was served, so FLAG was disclosed.
      testEvent(8, {
        disclosedPersonRefs: [TRAVELLER],
        agency: "TR-PMM",
        role: "readmission-officer",
        country: "TR",
        purpose: "RETURN_ENFORCEMENT",
        agreements: ["AGR-MS-TR-READMISSION"],
        fieldsAllowed: [
          {
            field: "Person.isProtectionHolder",
            category: "FLAG",
            owner: "MIGRATION_SERVICE",
            policies: ["AGR-MS-TR-READMISSION"],
          },
          {
            field: "Person.hasValidPermit",
            category: "FLAG",
            owner: "MIGRATION_SERVICE",
            policies: ["AGR-MS-TR-READMISSION"],
          },
        ],
        refusals: [withheldFlag],
        categories: ["FLAG"],
      }),
    ],
    createTestKey(),
  );
}, 30_000);
afterAll(async () => t?.drop());

describe("subjectAccessReport", () => {
  it("lists each disclosure with its legal basis, not who asked", async () => {
    const now = new Date("2026-06-01T10:00:00Z");
    const report = await subjectAccessReport(t.db, PERSON, { agreements, today: "2026-06-01", now });
    expect(Object.keys(report).sort()).toEqual(["disclosures", "generatedAt", "personRef"]);
    expect(report.personRef).toBe(PERSON);
    expect(report.generatedAt).toEqual(now);
    expect(report.disclosures.map((d) => d.purpose)).toEqual(["BORDER_CHECK", "RESIDENCE_ADMIN"]);
    const [border, residence] = report.disclosures;
    expect(border).toMatchObject({ agency: "BORDER_POLICE", role: "border-officer", categories: ["TRAVEL"] });
    expect(border?.agreements).toEqual([
      {
        id: "AGR-BP-INTERNAL-BORDER",
        title: agreements.get("AGR-BP-INTERNAL-BORDER")?.title,
        provider: "BORDER_POLICE",
        legalBasis: "Law on the State Border, art. 14 (demonstration text)",
      },
    ]);
    expect(border?.legalBasis).toEqual(["Law on the State Border, art. 14 (demonstration text)"]);
    expect(residence?.agreements).toEqual([{ id: "AGR-GONE", title: null, provider: null, legalBasis: null }]);
    expect(residence?.legalBasis).toEqual([]);
    const text = JSON.stringify(report);
    for (const subject of ["officer-0147", "clerk-0011", "investigator-0007"]) expect(text).not.toContain(subject);
  });

  it("hides a criminal investigation's disclosure until its releaseAfter date, without saying so", async () => {
    const before = await subjectAccessReport(t.db, PERSON, { agreements, today: "2026-12-31" });
    expect(before.disclosures.map((d) => d.purpose)).toEqual(["BORDER_CHECK", "RESIDENCE_ADMIN"]);
    expect(JSON.stringify(before)).not.toMatch(/CRIMINAL|hidden|withheld/i);
    const after = await subjectAccessReport(t.db, PERSON, { agreements, today: "2027-01-01" });
    expect(after.disclosures.map((d) => d.purpose)).toEqual([
      "BORDER_CHECK",
      "CRIMINAL_INVESTIGATION",
      "RESIDENCE_ADMIN",
    ]);
    expect(after.disclosures[1]?.agreements[0]?.legalBasis).toBe(
      "Code of Criminal Procedure, art. 172 (demonstration text)",
    );
  });

  it("names the recipient's country and authority, a foreign one with its agreement's name", async () => {
    const report = await subjectAccessReport(t.db, PERSON, { agreements, today: "2026-06-01" });
    expect(report.disclosures[0]).toMatchObject({
      agency: "BORDER_POLICE",
      authority: "BORDER_POLICE",
      authorityName: null,
      country: "AM",
    });
    const foreign = await subjectAccessReport(t.db, TRAVELLER, { agreements, today: "2026-06-01" });
    expect(foreign.disclosures[0]).toMatchObject({
      agency: "TR-PMM",
      authority: "TR-PMM",
      authorityName: "Presidency of Migration Management of Türkiye",
      country: "TR",
      purpose: "RETURN_ENFORCEMENT",
    });
    expect(JSON.stringify(foreign)).not.toContain("tr-pmm-readmission-017");
  });

  it("lists no category withheld under R14-3, and no request that received nothing else", async () => {
    const report = await subjectAccessReport(t.db, TRAVELLER, { agreements, today: "2026-06-01" });
    expect(report.disclosures.map((d) => d.categories)).toEqual([["IDENTITY"], ["FLAG"]]);
  });

  it("keeps a category for a person whose record was not the one withheld in the same request", async () => {
    const report = await subjectAccessReport(t.db, NEIGHBOUR, { agreements, today: "2026-06-01" });
    expect(report.disclosures.map((d) => [d.authority, d.categories])).toEqual([["TR-PMM", ["FLAG"]]]);
  });

  it("is empty for a person whose data was never disclosed", async () => {
    expect((await subjectAccessReport(t.db, "P-unknown", { agreements, today: "2027-01-01" })).disclosures).toEqual([]);
  });
});
