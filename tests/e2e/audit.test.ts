/**
 * The tamper-evident audit log: one event per request, one chain across gateway processes,
 * tampering named by `verify`, fail closed without the audit store, subject access reports.
 */
import { createHash, createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { AUDIT_COLUMNS } from "@hub/contracts";
import { keyFiles } from "@hub/gateway";
import { auditEventCount, auditEventOf, verifyAuditLog, withAuditDb } from "../harness/auditDb";
import { as, gql, hub, hubContextToken, personaToken, principalOf, world } from "../harness/fixtures";
import { startOwnGateway } from "../harness/processes";

const adults = () => world().persons.filter((p) => p.dateOfBirth < "2000-01-01" && p.retainUntil > "2027-01-01");

async function runConcurrently(total: number, clients: number, request: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) await request(next++);
    }),
  );
}

describe("audit log", () => {
  it("records exactly one event per request: 1,000 requests from 20 concurrent clients, and the chain verifies", async () => {
    const before = await auditEventCount();
    const officer = await as("border-officer");
    const refs = adults().map((p) => p.personRef);
    const statuses = new Map<number, number>();
    await runConcurrently(1000, 20, async (i) => {
      // A mix the log must tell apart: allowed, denied by policy, refused at authentication.
      const ref = refs[i % refs.length] ?? "";
      const res =
        i % 10 === 0
          ? await gql(`{ person(personRef: "${ref}") { asylumApplications { grounds } } }`, officer)
          : i % 25 === 1
            ? await gql(`{ crossingPoints { code } }`, { purpose: "BORDER_CHECK" })
            : await gql(`{ person(personRef: "${ref}") { familyName crossings(first: 2) { direction } } }`, officer);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    });
    expect(statuses.get(403)).toBe(100);
    expect(statuses.get(401)).toBe(40);
    expect(statuses.get(200)).toBe(860);
    expect(await auditEventCount()).toBe(before + 1000);
    const verified = await verifyAuditLog();
    expect(verified.output).toMatch(/audit chain valid/);
    expect(verified.code).toBe(0);
  });

  it("hashes the values in an operation with the audit value key, not with the key that signs the chain", async () => {
    const ref = adults()[7]?.personRef ?? "";
    const res = await gql(`{ person(personRef: "${ref}") { familyName } }`, await as("border-officer"));
    const event = await auditEventOf(res.headers.get("x-request-id"));
    const hmac = (secret: string) => `hmac:${createHmac("sha256", secret).update(ref).digest("hex").slice(0, 32)}`;
    const valueKey = readFileSync(path.join(hub.keysDir, "audit-values.key"), "utf8").trim();
    const signingKey = JSON.parse(readFileSync(keyFiles(hub.keysDir, "audit").privateJwk, "utf8")) as { d: string };
    const derivedFromSigningKey = createHash("sha256").update(`audit-values:${signingKey.d}`).digest("hex");
    expect(event?.operationText).toContain(hmac(valueKey));
    expect(event?.operationText).not.toContain(hmac(derivedFromSigningKey));
    expect(event?.operationText).not.toContain(ref);
  });

  it("keeps one valid chain when two gateway processes write at once", async () => {
    const second = await startSecondGateway();
    try {
      const before = await auditEventCount();
      const officer = await as("border-officer");
      await runConcurrently(200, 20, (i) =>
        gql(`{ crossingPoints { code } }`, { ...officer, ...(i % 2 ? { url: second.url } : {}) }),
      );
      expect(await auditEventCount()).toBe(before + 200);
      const sources = await withAuditDb(async (db) => {
        const rows = await db.query<{ seq: string; prev_hash: string; hash: string }>(
          "SELECT seq, prev_hash, hash FROM audit_event ORDER BY seq DESC LIMIT 200",
        );
        return rows.rows;
      });
      // Consecutive sequence numbers, each event following the one before: one line, not two.
      for (let i = 0; i + 1 < sources.length; i++) {
        expect(Number(sources[i]?.seq)).toBe(Number(sources[i + 1]?.seq) + 1);
        expect(sources[i]?.prev_hash).toBe(sources[i + 1]?.hash);
      }
      expect((await verifyAuditLog()).code).toBe(0);
    } finally {
      await second.stop();
    }
  });

  describe("tampering is named by verify", () => {
    afterAll(async () => {
      expect((await verifyAuditLog()).code).toBe(0);
    });

    it("names an event altered in SQL", async () => {
      await tampered(
        "UPDATE audit_event SET content = replace(content, '\"BORDER_CHECK\"', '\"AUDIT\"') WHERE seq = $1::bigint",
        /content does not match its hash|altered/,
      );
    });

    it("names an event whose search columns were edited", async () => {
      await tampered(
        "UPDATE audit_event SET subject = 'someone-else' WHERE seq = $1::bigint",
        /search column subject disagrees/,
      );
    });

    it("names an event deleted in SQL", async () => {
      await tampered("DELETE FROM audit_event WHERE seq = $1::bigint", /missing/);
    });

    it("names events reordered in SQL", async () => {
      // Two neighbouring events change places: every column but the position is swapped.
      const columns = AUDIT_COLUMNS.filter((c) => c !== "seq");
      await tampered(
        `UPDATE audit_event a SET ${columns.map((c) => `${c} = b.${c}`).join(", ")}
         FROM audit_event b WHERE (a.seq = $1 AND b.seq = $1::bigint + 1) OR (a.seq = $1::bigint + 1 AND b.seq = $1)`,
        /does not follow the previous event/,
      );
    });
  });

  describe("cutting off the newest events is named by verify", () => {
    afterAll(async () => {
      expect((await verifyAuditLog()).code).toBe(0);
      expect((await gql(`{ crossingPoints { code } }`, await as("border-officer"))).status).toBe(200);
    });

    it("names them missing before the chain head when the head was left alone", async () => {
      await cutOffNewest(false, async (head, kept) => {
        const result = await verifyAuditLog();
        expect(result.code).toBe(1);
        expect(result.output).toContain(
          `BROKEN at event ${kept + 1} (missing): event ${kept + 1} is missing (the chain head is at ${head})`,
        );
      });
    });

    it("names a head moved back to the new newest event without the audit key, in verify and in verifyAuditChain; the gateway extends no such head", async () => {
      await cutOffNewest(true, async (_head, kept) => {
        const result = await verifyAuditLog();
        expect(result.code).toBe(1);
        expect(result.output).toMatch(
          new RegExp(
            `BROKEN at event ${kept} \\(.+\\): the chain head \\(event ${kept}\\) is not signed by the audit key`,
          ),
        );
        const query = `{ verifyAuditChain { valid firstBroken { seq reason } } }`;
        const token = await hubContextToken(
          "audit",
          { principal: principalOf("auditor"), purpose: "AUDIT", requestId: `cut-off-${kept}` },
          { query },
        );
        const verification = await gql(query, {
          url: hub.subgraphs.audit?.url,
          headers: { "x-hub-context": token },
        });
        expect(verification.body.data?.verifyAuditChain).toEqual({
          valid: false,
          firstBroken: { seq: kept, reason: expect.stringMatching(/chain head .* is not signed by the audit key/) },
        });
        // Signing that head would hide the cut: the gateway refuses to append, so it serves nothing.
        const refused = await gql(`{ crossingPoints { code } }`, await as("border-officer"));
        expect(refused.status).toBe(503);
        expect(refused.body.errors?.[0]?.extensions?.code).toBe("AUDIT_UNAVAILABLE");
      });
    });
  });

  it("serves no data while the audit store is unavailable, and serves again when it returns", async () => {
    const officer = await as("border-officer");
    const database = new URL(hub.databaseUrls.audit ?? "").pathname.slice(1);
    await withAuditDb(async (db) => {
      await db.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS false`);
      await db.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [database],
      );
    }, adminUrl());
    try {
      const res = await gql(`{ crossingPoints { code } }`, officer);
      expect(res.status).toBe(503);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors?.[0]?.extensions?.code).toBe("AUDIT_UNAVAILABLE");
    } finally {
      await withAuditDb((db) => db.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS true`), adminUrl());
    }
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = (await gql(`{ crossingPoints { code } }`, officer)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });

  it("lets the auditor list the queries with their decisions and rules, and audits the auditor", async () => {
    const ref = adults()[3]?.personRef ?? "";
    const officer = await as("border-officer");
    await gql(`{ person(personRef: "${ref}") { familyName } }`, officer);
    await gql(`{ person(personRef: "${ref}") { asylumApplications { grounds } } }`, officer);
    const auditor = await as("auditor");
    const res = await gql(
      `query ($ref: String) { auditEvents(filter: { personRef: $ref }, first: 10) { totalCount edges { node { subject purpose outcome fieldsDenied { field rule } agreements disclosedPersonRefs policyVersion } } } }`,
      { ...auditor, variables: { ref } },
    );
    expect(res.body.errors).toBeUndefined();
    const nodes = (res.body.data?.auditEvents as { edges: { node: Record<string, unknown> }[] }).edges.map(
      (e) => e.node,
    );
    expect(nodes[0]).toMatchObject({
      subject: "officer-0147",
      purpose: "BORDER_CHECK",
      outcome: "ALLOWED",
      agreements: ["AGR-MS-BP-BORDER"],
    });
    expect(nodes[0]?.policyVersion).toMatch(/^[0-9a-f]{64}$/);
    const denied = await gql(
      `{ auditEvents(filter: { subject: "officer-0147", outcome: "DENIED", ruleId: "R6-3" }, first: 1) { edges { node { fieldsDenied { field rule } } } } }`,
      auditor,
    );
    const deniedNode = (denied.body.data?.auditEvents as { edges: { node: { fieldsDenied: { rule: string }[] } }[] })
      .edges[0]?.node;
    expect(deniedNode?.fieldsDenied.map((f) => f.rule)).toContain("R6-3");
    const own = await gql(`{ auditEvents(filter: { subject: "auditor-0002" }, first: 5) { totalCount } }`, auditor);
    expect((own.body.data?.auditEvents as { totalCount: number }).totalCount).toBeGreaterThanOrEqual(2);
    // The auditor reads the log, never personal data (RA-1).
    expect((await gql(`{ person(personRef: "${ref}") { familyName } }`, auditor)).status).toBe(403);
  });

  it("gives the data-protection officer a subject access report that hides criminal investigations until their release date", async () => {
    const ref = adults()[5]?.personRef ?? "";
    await gql(`{ person(personRef: "${ref}") { familyName } }`, await as("border-officer"));
    const investigator = { token: await personaToken("border-investigator"), purpose: "CRIMINAL_INVESTIGATION" };
    const hidden = await gql(`{ person(personRef: "${ref}") { familyName } }`, {
      ...investigator,
      headers: { "x-authorization-ref": "PO-2026-0042@2027-06-30" },
    });
    expect(hidden.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    await gql(`{ person(personRef: "${ref}") { givenName } }`, {
      ...investigator,
      headers: { "x-authorization-ref": `PO-2026-0043@${today}` },
    });
    const dpo = await as("dpo");
    const res = await gql(
      `query ($ref: ID!) { subjectAccessReport(personRef: $ref) { personRef disclosures { occurredAt agency purpose categories legalBasis } } }`,
      { ...dpo, variables: { ref } },
    );
    expect(res.body.errors).toBeUndefined();
    const report = res.body.data?.subjectAccessReport as {
      personRef: string;
      disclosures: { agency: string; purpose: string; categories: string[]; legalBasis: string[] }[];
    };
    expect(report.personRef).toBe(ref);
    const purposes = report.disclosures.map((d) => d.purpose);
    expect(purposes).toContain("BORDER_CHECK");
    // Released (valid until today) shows; the one under an order running into 2027 does not.
    expect(purposes.filter((p) => p === "CRIMINAL_INVESTIGATION")).toHaveLength(1);
    const border = report.disclosures.find((d) => d.purpose === "BORDER_CHECK");
    expect(border?.categories).toContain("IDENTITY");
    expect(border?.legalBasis.join(" ")).toMatch(/border checks/i);
  });
});

async function tampered(sql: string, reason: RegExp): Promise<void> {
  const seq = await withAuditDb(async (db) =>
    Number((await db.query<{ s: string }>("SELECT max(seq) - 5 AS s FROM audit_event")).rows[0]?.s),
  );
  const saved = await withAuditDb(
    async (db) =>
      (await db.query("SELECT * FROM audit_event WHERE seq IN ($1, $1::bigint + 1) ORDER BY seq", [seq])).rows,
  );
  try {
    await withAuditDb((db) => db.query(sql, [seq]));
    const result = await verifyAuditLog();
    expect(result.code).toBe(1);
    expect(result.output).toMatch(new RegExp(`BROKEN at event ${seq}\\b`));
    expect(result.output).toMatch(reason);
  } finally {
    await withAuditDb(async (db) => {
      await db.query("DELETE FROM audit_event WHERE seq IN ($1, $1::bigint + 1)", [seq]);
      for (const row of saved) {
        const columns = Object.keys(row);
        await db.query(
          `INSERT INTO audit_event (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
          columns.map((c) => (row as Record<string, unknown>)[c]),
        );
      }
    });
  }
}

/**
 * Deletes the three newest events (and, with `moveHead`, the checkpoints beyond them, moving the
 * head back to the new newest event as an attacker without the key would), runs `check`, and
 * puts everything back as it was.
 */
async function cutOffNewest(moveHead: boolean, check: (head: number, kept: number) => Promise<void>): Promise<void> {
  const saved = await withAuditDb(async (db) => {
    const head = (await db.query("SELECT * FROM audit_chain_head WHERE id = 1")).rows[0] as Record<string, unknown>;
    const kept = Number(head.seq) - 3;
    const events = (await db.query("SELECT * FROM audit_event WHERE seq > $1", [kept])).rows as Record<
      string,
      unknown
    >[];
    const checkpoints = (await db.query("SELECT * FROM audit_checkpoint WHERE seq > $1", [kept])).rows as Record<
      string,
      unknown
    >[];
    return { head, kept, events, checkpoints };
  });
  try {
    await withAuditDb(async (db) => {
      await db.query("DELETE FROM audit_event WHERE seq > $1", [saved.kept]);
      if (!moveHead) return;
      await db.query("DELETE FROM audit_checkpoint WHERE seq > $1", [saved.kept]);
      await db.query(
        "UPDATE audit_chain_head SET seq = $1, hash = (SELECT hash FROM audit_event WHERE seq = $1) WHERE id = 1",
        [saved.kept],
      );
    });
    await check(Number(saved.head.seq), saved.kept);
  } finally {
    await withAuditDb(async (db) => {
      await db.query("DELETE FROM audit_event WHERE seq > $1", [saved.kept]);
      await db.query("DELETE FROM audit_checkpoint WHERE seq > $1", [saved.kept]);
      for (const [table, rows] of [
        ["audit_event", saved.events],
        ["audit_checkpoint", saved.checkpoints],
      ] as const) {
        for (const row of rows) {
          const columns = Object.keys(row);
          await db.query(
            `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
            columns.map((c) => row[c]),
          );
        }
      }
      await db.query("UPDATE audit_chain_head SET seq = $1, hash = $2, key_id = $3, signature = $4 WHERE id = 1", [
        saved.head.seq,
        saved.head.hash,
        saved.head.key_id,
        saved.head.signature,
      ]);
    });
  }
}

function adminUrl(): string {
  const url = new URL(hub.databaseUrls.audit ?? "");
  url.pathname = "/postgres";
  return url.toString();
}

async function startSecondGateway(): Promise<{ url: string; stop: () => Promise<void> }> {
  const gateway = await startOwnGateway();
  return { url: `${gateway.origin}/graphql`, stop: () => gateway.stop() };
}
