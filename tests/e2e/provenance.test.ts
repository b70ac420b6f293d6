/**
 * Provenance through the shared hub: a federated answer carries each agency's signature of its
 * part and `npm run verify-response` verifies it against the published keys (the key folder, the
 * gateway's /provenance/keys, a subgraph's /.well-known/jwks.json); a tampered datum or a
 * signature moved between agencies fails, named; a join key the caller did not select is never
 * passed, and the data that would need it is reported unproven.
 */
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { as, gql, hub, repoRoot, world, type Answer } from "../harness/fixtures";
import { OUTPUT_DIR } from "../harness/hubEnv";

const CLI = path.join(repoRoot, "contracts/dist/provenance/verifyResponseCli.js");
const DIR = path.join(OUTPUT_DIR, "provenance");

interface Part {
  subgraph: string;
  agency: string;
  path: (string | number)[];
  jws: string;
  payloadHash: string;
  data?: unknown;
  withheld?: string;
}
type Body = Answer["body"] & { extensions?: { provenance?: { requestId: string; parts: Part[] } } };

function verify(body: unknown, name: string, keys: string[] = [hub.keysDir]) {
  mkdirSync(DIR, { recursive: true });
  const file = path.join(DIR, `${name}.json`);
  writeFileSync(file, JSON.stringify(body, null, 2));
  const args = [CLI, file, ...keys.flatMap((k) => ["--keys", k])];
  return new Promise<{ code: number; out: string }>((resolve) => {
    execFile(process.execPath, args, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

function traveller() {
  const w = world();
  const travellers = new Set(w.crossings.map((c) => c.personRef));
  const person = w.persons.find(
    (p) => travellers.has(p.personRef) && p.citizenships.length > 0 && p.retainUntil > w.asOf,
  );
  if (!person) throw new Error("the seeded world has no traveller with a citizenship");
  return person;
}

describe("provenance of a federated answer", () => {
  const person = traveller();
  let answer: Body;

  beforeAll(async () => {
    const res = await gql(
      `query ($ref: ID!) {
        person(personRef: $ref) {
          personRef givenName familyName
          citizenships { code name }
          crossings(first: 3) { direction crossedAt crossingPoint { code name } }
        }
      }`,
      { ...(await as("border-officer")), variables: { ref: person.personRef } },
    );
    expect(res.status).toBe(200);
    answer = res.body as Body;
  });

  it("lists a signed part for each subgraph fetch, with the request id and the data it filled", () => {
    const provenance = answer.extensions?.provenance;
    expect(provenance?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const parts = provenance?.parts ?? [];
    expect(new Set(parts.map((p) => p.agency))).toEqual(
      new Set(["MIGRATION_SERVICE", "BORDER_POLICE", "STATISTICS_OFFICE"]),
    );
    for (const part of parts) {
      expect(part.jws).toMatch(/^[\w-]+\.\.[\w-]+$/);
      expect(part.data).toBeDefined();
    }
    expect(parts.find((p) => p.agency === "BORDER_POLICE")?.path).toEqual(["person"]);
  });

  it("verifies against the key folder, the gateway's published keys and each subgraph's own", async () => {
    const folder = await verify(answer, "federated");
    expect(folder.out).toMatch(/^provenance verified: \d+ datum\(s\)/);
    expect(folder.code).toBe(0);
    const origin = new URL(hub.gatewayUrl).origin;
    expect((await verify(answer, "federated-gateway-keys", [`${origin}/provenance/keys`])).code).toBe(0);
    const own = Object.values(hub.subgraphs).map((s) => new URL("/.well-known/jwks.json", s.url).toString());
    expect((await verify(answer, "federated-subgraph-keys", own)).code).toBe(0);
  });

  it("fails on a tampered datum, naming the agency and the path", async () => {
    const tampered = structuredClone(answer);
    (tampered.data?.person as { familyName: string }).familyName = "Tampered";
    const result = await verify(tampered, "tampered");
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      /FAILED MIGRATION_SERVICE \(migration-service\) at \(root\): the answer at person\.familyName differs/,
    );
    expect(result.out).toContain("FAILED person.familyName: no agency's verified signature covers this datum");
  });

  it("fails when a signature is moved to another agency's part, naming both", async () => {
    const swapped = structuredClone(answer);
    const parts = swapped.extensions?.provenance?.parts ?? [];
    const bp = parts.find((p) => p.agency === "BORDER_POLICE");
    const ms = parts.find((p) => p.agency === "MIGRATION_SERVICE");
    if (!bp || !ms) throw new Error("both agencies' parts expected");
    [bp.jws, ms.jws] = [ms.jws, bp.jws];
    const result = await verify(swapped, "swapped");
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/FAILED BORDER_POLICE \(border-police\) at person: its signature does not verify/);
    expect(result.out).toMatch(
      /FAILED MIGRATION_SERVICE \(migration-service\) at \(root\): its signature does not verify/,
    );
  });

  it("answers 2 when it cannot check: no such file, or no published keys", async () => {
    const missing = await new Promise<number>((resolve) =>
      execFile(process.execPath, [CLI, path.join(DIR, "absent.json")], (e) => resolve(e ? Number(e.code) : 0)),
    );
    expect(missing).toBe(2);
    expect((await verify(answer, "no-keys", [path.join(DIR, "no-such-keys")])).code).toBe(2);
  });
});

describe("provenance when the caller did not select the join key", () => {
  it("never passes the key, and reports the data that needs it as unproven", async () => {
    const person = traveller();
    const res = await gql(
      `query ($ref: ID!) { person(personRef: $ref) { familyName crossings(first: 1) { direction } } }`,
      {
        ...(await as("border-officer")),
        variables: { ref: person.personRef },
      },
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(person.personRef);
    const parts = (res.body as Body).extensions?.provenance?.parts ?? [];
    const root = parts.find((p) => p.agency === "MIGRATION_SERVICE");
    expect(root?.data).toBeUndefined();
    expect(root?.withheld).toMatch(/person\.personRef is signed but not in the answer/);
    const result = await verify(res.body, "unselected-key");
    expect(result.code).toBe(1);
    expect(result.out).toContain("withheld MIGRATION_SERVICE (migration-service) at (root)");
    expect(result.out).toContain("FAILED person.familyName: no agency's verified signature covers this datum");
  });
});
