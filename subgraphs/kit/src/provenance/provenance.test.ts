/**
 * Signing and verifying provenance with real Ed25519 keys: an answer merged from two agencies'
 * signed parts verifies; a changed datum, a signature moved to the other agency, another request's
 * part, an unsigned datum and a key set holding a private key are each refused and named.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import {
  ensureProvenanceKey,
  parseKeySets,
  publishedKeys,
  verifyProvenance,
  type AnswerProvenance,
  type ProvenancePart,
  type PublishedKeys,
} from "@hub/contracts";
import { loadProvenanceKey } from "./provenanceKey";
import { createProvenanceSigner, type ProvenanceSigner } from "./signProvenance";

const REQUEST = "5b0e8e4e-8a53-4c36-9d1c-2b7d3f1a9e01";
const OP_BP = "a".repeat(43);
const OP_MS = "b".repeat(43);

let keys: PublishedKeys;
let signBorder: ProvenanceSigner;
let signMigration: ProvenanceSigner;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "provenance-"));
  const border = await ensureProvenanceKey(dir, "border-police");
  const migration = await ensureProvenanceKey(dir, "migration-service");
  signBorder = createProvenanceSigner(
    "border-police",
    await loadProvenanceKey("border-police", border.privateJwk, border.publicJwks),
  );
  signMigration = createProvenanceSigner(
    "migration-service",
    await loadProvenanceKey("migration-service", migration.privateJwk, undefined),
  );
  keys = publishedKeys(
    [border.publicJwks, migration.publicJwks].flatMap((f) => parseKeySets(JSON.parse(readFileSync(f, "utf8")))),
  );
});

const signedByBorder = {
  crossings: [{ direction: "ENTRY", person: { __typename: "Person", personRef: "PRAAAAAAAAAAAAAAAA" } }],
};
const signedByMigration = { _entities: [{ familyName: "Petrosyan" }] };
const data = {
  crossings: [{ direction: "ENTRY", person: { personRef: "PRAAAAAAAAAAAAAAAA", familyName: "Petrosyan" } }],
};

async function answer(): Promise<{ data: unknown; extensions: { provenance: AnswerProvenance } }> {
  const borderData = structuredClone(signedByBorder);
  const migrationData = structuredClone(signedByMigration);
  const parts: ProvenancePart[] = [
    {
      subgraph: "border-police",
      agency: "BORDER_POLICE",
      path: [],
      data: borderData,
      ...(await signBorder(REQUEST, OP_BP, borderData)),
    },
    {
      subgraph: "migration-service",
      agency: "MIGRATION_SERVICE",
      path: ["crossings", "@", "person"],
      data: migrationData,
      ...(await signMigration(REQUEST, OP_MS, migrationData)),
    },
  ];
  return { data: structuredClone(data), extensions: { provenance: { requestId: REQUEST, parts } } };
}

describe("provenance signatures", () => {
  it("verifies an answer merged from two agencies' signed parts, each datum covered", async () => {
    const report = await verifyProvenance(await answer(), keys);
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ ok: true, requestId: REQUEST, data: 3, unprovenCount: 0 });
    expect(report.parts.map((p) => [p.agency, p.status, p.covered])).toEqual([
      ["BORDER_POLICE", "verified", 2],
      ["MIGRATION_SERVICE", "verified", 1],
    ]);
  });

  it("names a datum changed in the answer and the agency whose signature it breaks", async () => {
    const tampered = await answer();
    (tampered.data as typeof data).crossings[0]!.person.familyName = "Smith";
    const report = await verifyProvenance(tampered, keys);
    expect(report.ok).toBe(false);
    expect(report.failures).toContainEqual(
      expect.stringMatching(/^MIGRATION_SERVICE .*crossings\.0\.person\.familyName differs/),
    );
    expect(report.unproven).toEqual(["crossings.0.person.familyName"]);
  });

  it("refuses signed data changed together with the answer: the hash no longer matches", async () => {
    const tampered = await answer();
    (tampered.data as typeof data).crossings[0]!.direction = "EXIT";
    (tampered.extensions.provenance.parts[0]!.data as typeof signedByBorder).crossings[0]!.direction = "EXIT";
    const report = await verifyProvenance(tampered, keys);
    expect(report.failures[0]).toMatch(
      /^BORDER_POLICE \(border-police\) at \(root\): its data, request id or operation hash/,
    );
  });

  it("refuses a signature moved to the other agency's part, and another request's part", async () => {
    const swapped = await answer();
    const [bp, ms] = swapped.extensions.provenance.parts as [ProvenancePart, ProvenancePart];
    [bp.jws, ms.jws] = [ms.jws, bp.jws];
    const report = await verifyProvenance(swapped, keys);
    expect(report.parts.map((p) => p.status)).toEqual(["failed", "failed"]);
    expect(report.failures).toContainEqual(expect.stringMatching(/^BORDER_POLICE .*signature does not verify/));
    expect(report.failures).toContainEqual(expect.stringMatching(/^MIGRATION_SERVICE .*signature does not verify/));

    const other = await answer();
    other.extensions.provenance.requestId = "another-request";
    expect((await verifyProvenance(other, keys)).failures[0]).toMatch(/signed for another request/);
  });

  it("counts a datum no part signed as unproven, and an answer without provenance as unverified", async () => {
    const added = await answer();
    (added.data as { crossings: Record<string, unknown>[] }).crossings[0]!.injected = "not signed";
    const report = await verifyProvenance(added, keys);
    expect(report.ok).toBe(false);
    expect(report.failures).toEqual(["crossings.0.injected: no agency's verified signature covers this datum"]);
    expect((await verifyProvenance({ data }, keys)).failures).toEqual(["the answer has no extensions.provenance"]);
  });

  it("refuses a published key set that holds private key material", () => {
    const leaked = { subgraph: "border-police", keys: [{ kty: "OKP", crv: "Ed25519", x: "x", d: "d" }] };
    expect(() => parseKeySets(leaked)).toThrow(/not a public Ed25519 key/);
  });
});
