/**
 * Attempts to get data out that a rule forbids, or to make the audit log lie, each written as the
 * request an attacker would send and asserting the secure answer: status, error code and rule, no
 * data, and the audit event a user or an auditor would read (one per request, truthful outcome and
 * categories, every person whose data left named).
 */
import { createHash } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { SignJWT } from "jose";
import { Client } from "pg";
import { HUB_CONTEXT_ISSUER, HUB_CONTEXT_TYPE, hubContextOperationHash, type AuditEventContent } from "@hub/contracts";
import { keyFiles, loadSigningKey } from "@hub/gateway";
import { auditEventOf, withAuditDb } from "../harness/auditDb";
import {
  as,
  asRecipient,
  gql,
  hub,
  hubContextToken,
  personaToken,
  principalOf,
  world,
  type Answer,
  type GraphQLResponseBody,
} from "../harness/fixtures";

const TODAY = new Date().toISOString().slice(0, 10);
const retained = (r: { retainUntil: string }) => r.retainUntil > TODAY;
const minorToday = (p: { dateOfBirth: string }) =>
  `${Number(p.dateOfBirth.slice(0, 4)) + 18}${p.dateOfBirth.slice(4)}` > TODAY;

function pick<T>(items: readonly T[], test: (item: T) => boolean, what: string): T {
  const found = items.find(test);
  if (!found) throw new Error(`the seeded world has no ${what}`);
  return found;
}

const personOf = (ref: string) => pick(world().persons, (p) => p.personRef === ref, `person ${ref}`);

/** A retained adult with a retained asylum application and retained crossings only. */
function applicant() {
  const w = world();
  const applications = w.asylumApplications.filter(retained);
  return pick(
    w.persons,
    (p) => {
      const crossings = w.crossings.filter((c) => c.personRef === p.personRef);
      return (
        retained(p) &&
        !minorToday(p) &&
        applications.some((a) => a.personRef === p.personRef) &&
        crossings.length > 0 &&
        crossings.every(retained)
      );
    },
    "retained adult asylum applicant with retained crossings",
  );
}

/** Retained adults with retained crossings only, none of them an asylum applicant. */
function travellers() {
  const w = world();
  const applicants = new Set(w.asylumApplications.map((a) => a.personRef));
  return w.persons.filter((p) => {
    const crossings = w.crossings.filter((c) => c.personRef === p.personRef);
    return (
      retained(p) && !minorToday(p) && !applicants.has(p.personRef) && crossings.length > 0 && crossings.every(retained)
    );
  });
}

/** The request's one audit event (there must be exactly one). */
async function audited(requestId: string | null): Promise<AuditEventContent> {
  const event = await auditEventOf(requestId);
  if (!event) throw new Error(`request ${requestId} left no audit event`);
  return event;
}
const eventOf = (res: Answer) => audited(res.headers.get("x-request-id"));

const rulesAt = (body: GraphQLResponseBody) =>
  (body.errors ?? []).map((e) => [(e.path ?? []).join("."), e.extensions?.code, e.extensions?.rule]);

interface Raw {
  status: number;
  body: GraphQLResponseBody;
  requestId: string | null;
}

/** One HTTP request to the gateway exactly as written: repeated headers, a body on GET, any content type. */
function raw(options: {
  method: "GET" | "POST";
  search?: string;
  headers: Record<string, string | string[]>;
  body?: string;
}): Promise<Raw> {
  const url = new URL(hub.gatewayUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${options.search ?? ""}`,
        method: options.method,
        headers: {
          ...options.headers,
          ...(options.body !== undefined ? { "content-length": String(Buffer.byteLength(options.body)) } : {}),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          const requestId = res.headers["x-request-id"];
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(text) as GraphQLResponseBody,
            requestId: typeof requestId === "string" ? requestId : null,
          });
        });
      },
    );
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const officerHeaders = async (): Promise<Record<string, string>> => ({
  "content-type": "application/json",
  authorization: `Bearer ${await personaToken("border-officer")}`,
  "x-purpose": "BORDER_CHECK",
});

const ASYLUM = `query ($ref: ID!) { person(personRef: $ref) { familyName asylumApplications { grounds } } }`;
const R63_ASYLUM = [
  ["person.asylumApplications", "FORBIDDEN", "R6-3"],
  ["person.asylumApplications.grounds", "FORBIDDEN", "R6-3"],
];

describe("partial mode, aliases, fragments and directives (R5-2)", () => {
  it("removes denied aliases of a field and a root field whose variable is then unused, keeping no trace of their data", async () => {
    const person = applicant();
    const application = pick(world().asylumApplications, (a) => a.personRef === person.personRef, "application");
    const res = await gql(
      `query Mixed($ref: ID!, $app: ID!) {
        ok: person(personRef: $ref) { familyName }
        sneaky: person(personRef: $ref) { ...Name grounds: asylumApplications { grounds } }
        app: asylumApplication(applicationId: $app) { grounds outcome }
      }
      fragment Name on Person { familyName }`,
      {
        ...(await as("border-officer")),
        headers: { "x-hub-partial": "true" },
        variables: { ref: person.personRef, app: application.applicationId },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      ok: { familyName: person.familyName },
      sneaky: { familyName: person.familyName },
    });
    expect(JSON.stringify(res.body.data)).not.toMatch(/grounds|outcome|REFUGEE|POLITICAL/);
    expect(rulesAt(res.body)).toEqual([
      ["sneaky.grounds", "FORBIDDEN", "R6-3"],
      ["sneaky.grounds.grounds", "FORBIDDEN", "R6-3"],
      ["app", "FORBIDDEN", "R6-3"],
      ["app.grounds", "FORBIDDEN", "R6-3"],
      ["app.outcome", "FORBIDDEN", "R6-3"],
    ]);
    const event = await eventOf(res);
    expect(event).toMatchObject({ outcome: "PARTIAL", categories: ["IDENTITY"] });
    expect(event.disclosedPersonRefs).toEqual([person.personRef]);
    expect(event.fieldsDenied.map((f) => f.field).sort()).toEqual([
      "AsylumApplication.grounds",
      "AsylumApplication.outcome",
      "Person.asylumApplications",
      "Query.asylumApplication",
    ]);
  });

  it("decides a field behind @include/@skip with the request's variables: included is denied, excluded is absent", async () => {
    const person = applicant();
    const query = `query Flagged($ref: ID!, $show: Boolean!, $hide: Boolean = true) {
      person(personRef: $ref) {
        familyName
        asylumApplications @include(if: $show) { grounds }
        ... @skip(if: $hide) { asylumApplications { outcome } }
      }
    }`;
    const officer = await as("border-officer");
    const shown = await gql(query, { ...officer, variables: { ref: person.personRef, show: true } });
    expect(shown.status).toBe(403);
    expect(shown.body.data ?? null).toBeNull();
    expect(rulesAt(shown.body)).toEqual(R63_ASYLUM);
    expect(await eventOf(shown)).toMatchObject({ outcome: "DENIED", categories: [], disclosedPersonRefs: [] });

    const unskipped = await gql(query, { ...officer, variables: { ref: person.personRef, show: false, hide: false } });
    expect(unskipped.status).toBe(403);
    expect(rulesAt(unskipped.body)).toEqual([
      ["person.asylumApplications", "FORBIDDEN", "R6-3"],
      ["person.asylumApplications.outcome", "FORBIDDEN", "R6-3"],
    ]);

    const hidden = await gql(query, { ...officer, variables: { ref: person.personRef, show: false } });
    expect(hidden.status).toBe(200);
    expect(hidden.body.data).toEqual({ person: { familyName: person.familyName } });
    const event = await eventOf(hidden);
    expect(event).toMatchObject({ outcome: "ALLOWED", categories: ["IDENTITY"], fieldsDenied: [] });
    expect(event.fieldsAllowed.map((f) => f.field)).not.toContain("Person.asylumApplications");
  });

  it("serves nothing when a directive's condition is null at run time, and audits the request once", async () => {
    const person = applicant();
    const res = await gql(
      `query ($ref: ID!, $hide: Boolean = true) {
        person(personRef: $ref) { familyName asylumApplications @skip(if: $hide) { grounds } }
      }`,
      {
        ...(await as("border-officer")),
        headers: { "x-hub-partial": "true" },
        variables: { ref: person.personRef, hide: null },
      },
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body.data ?? null).toBeNull();
    expect(JSON.stringify(res.body)).not.toMatch(/POLITICAL|RELIGION|ETHNICITY|ARMED_CONFLICT/);
    const event = await eventOf(res);
    expect(["REJECTED", "DENIED", "FAILED"]).toContain(event.outcome);
    expect(event.categories).toEqual([]);
  });

  it("reads X-Hub-Partial loosely ('TRUE ') but still never drops a field silently", async () => {
    const person = applicant();
    const res = await gql(ASYLUM, {
      ...(await as("border-officer")),
      headers: { "x-hub-partial": "TRUE " },
      variables: { ref: person.personRef },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ person: { familyName: person.familyName } });
    expect(rulesAt(res.body)).toEqual(R63_ASYLUM);
    expect(await eventOf(res)).toMatchObject({ outcome: "PARTIAL", categories: ["IDENTITY"] });
  });
});

describe("which operation runs (operationName, GET, persisted queries)", () => {
  const DOCUMENT = `query Allowed($ref: ID!) { person(personRef: $ref) { familyName } }
    query Denied($ref: ID!) { person(personRef: $ref) { asylumApplications { grounds } } }`;

  it("decides and audits the operation operationName names in a multi-operation document, whatever the URL says", async () => {
    const person = applicant();
    const headers = await officerHeaders();
    const body = (operationName: string) =>
      JSON.stringify({ query: DOCUMENT, operationName, variables: { ref: person.personRef } });

    const allowed = await raw({ method: "POST", headers, body: body("Allowed"), search: "?operationName=Denied" });
    expect(allowed.status).toBe(200);
    // Beside the data the answer carries only the agencies' signatures of it (extensions.provenance).
    expect({ ...allowed.body, extensions: undefined }).toEqual({ data: { person: { familyName: person.familyName } } });
    expect(await audited(allowed.requestId)).toMatchObject({
      operationName: "Allowed",
      outcome: "ALLOWED",
      categories: ["IDENTITY"],
    });

    const denied = await raw({ method: "POST", headers, body: body("Denied"), search: "?operationName=Allowed" });
    expect(denied.status).toBe(403);
    expect(denied.body.data ?? null).toBeNull();
    expect(denied.body.errors?.map((e) => e.extensions?.rule)).toEqual(["R6-3", "R6-3"]);
    expect(await audited(denied.requestId)).toMatchObject({ operationName: "Denied", outcome: "DENIED" });
  });

  it("runs a GET's query from the URL only, never one smuggled in a JSON body", async () => {
    const person = applicant();
    const headers = { ...(await officerHeaders()), "apollo-require-preflight": "true" };
    const smuggled = JSON.stringify({ query: ASYLUM, variables: { ref: person.personRef } });
    const inUrl = (query: string) =>
      `?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify({ ref: person.personRef }))}`;

    const allowed = await raw({
      method: "GET",
      headers,
      search: inUrl(`query ($ref: ID!) { person(personRef: $ref) { familyName } }`),
      body: smuggled,
    });
    expect(allowed.status).toBe(200);
    // Beside the data the answer carries only the agencies' signatures of it (extensions.provenance).
    expect({ ...allowed.body, extensions: undefined }).toEqual({ data: { person: { familyName: person.familyName } } });
    expect(await audited(allowed.requestId)).toMatchObject({ outcome: "ALLOWED", categories: ["IDENTITY"] });

    const denied = await raw({
      method: "GET",
      headers,
      search: inUrl(ASYLUM),
      body: JSON.stringify({ query: `{ crossingPoints { code } }` }),
    });
    expect(denied.status).toBe(403);
    expect(denied.body.data ?? null).toBeNull();
    expect(await audited(denied.requestId)).toMatchObject({ outcome: "DENIED", categories: [] });
  });

  it("refuses a query sent with another query's persisted-query hash, and decides a persisted query like any other", async () => {
    const person = applicant();
    const headers = await officerHeaders();
    const sha = createHash("sha256").update(ASYLUM).digest("hex");
    const persisted = { persistedQuery: { version: 1, sha256Hash: sha } };
    const variables = { ref: person.personRef };

    // Registers the denied document under its hash (and is itself denied).
    const registered = await raw({
      method: "POST",
      headers,
      body: JSON.stringify({ query: ASYLUM, variables, extensions: persisted }),
    });
    expect(registered.status).toBe(403);

    const mismatched = await raw({
      method: "POST",
      headers,
      body: JSON.stringify({
        query: `query ($ref: ID!) { person(personRef: $ref) { familyName } }`,
        variables,
        extensions: persisted,
      }),
    });
    expect(mismatched.status).toBe(400);
    expect(mismatched.body.data ?? null).toBeNull();
    expect(await audited(mismatched.requestId)).toMatchObject({ outcome: "REJECTED", categories: [] });

    const byHash = await raw({ method: "POST", headers, body: JSON.stringify({ variables, extensions: persisted }) });
    expect(byHash.body.data ?? null).toBeNull();
    expect(JSON.stringify(byHash.body)).not.toMatch(/POLITICAL|RELIGION|ETHNICITY|ARMED_CONFLICT/);
    const event = await audited(byHash.requestId);
    expect(["DENIED", "REJECTED"]).toContain(event.outcome);
    expect(event.categories).toEqual([]);
  });

  it("decides the same whatever the JSON content type's case or charset; refuses other content types", async () => {
    const person = applicant();
    const headers = await officerHeaders();
    const body = JSON.stringify({ query: ASYLUM, variables: { ref: person.personRef } });
    for (const type of ["APPLICATION/JSON", "application/json; charset=latin1", "application/graphql-response+json"]) {
      const res = await raw({ method: "POST", headers: { ...headers, "content-type": type }, body });
      expect({ type, refused: res.status >= 400, data: res.body.data ?? null }).toEqual({
        type,
        refused: true,
        data: null,
      });
      expect(JSON.stringify(res.body)).not.toMatch(/POLITICAL|RELIGION|ETHNICITY|ARMED_CONFLICT/);
      const event = await audited(res.requestId);
      expect(["DENIED", "REJECTED"]).toContain(event.outcome);
      expect(event.categories).toEqual([]);
    }
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "application/jsonp"]) {
      const res = await raw({ method: "POST", headers: { ...headers, "content-type": type }, body });
      expect({ type, status: res.status, data: res.body.data ?? null }).toEqual({ type, status: 400, data: null });
      expect(await audited(res.requestId)).toMatchObject({ outcome: "REJECTED", errorCodes: ["BAD_REQUEST"] });
    }
  });
});

describe("purpose headers (R5-1)", () => {
  it("refuses X-Purpose sent twice or as a list ('BORDER_CHECK, AUDIT'), and audits no purpose", async () => {
    const headers = await officerHeaders();
    const body = JSON.stringify({ query: `{ crossingPoints { code } }` });
    for (const purpose of [["BORDER_CHECK", "AUDIT"], ["BORDER_CHECK", "BORDER_CHECK"], "BORDER_CHECK, AUDIT"]) {
      const res = await raw({ method: "POST", headers: { ...headers, "x-purpose": purpose }, body });
      expect(res.status).toBe(400);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors?.map((e) => [e.extensions?.code, e.extensions?.rule])).toEqual([
        ["PURPOSE_REQUIRED", "R5-1"],
      ]);
      expect(await audited(res.requestId)).toMatchObject({ outcome: "REJECTED", purpose: null, categories: [] });
    }
  });
});

describe("authorisation references (R11-1) and the audit log they end up in (R7-2)", () => {
  const CROSSINGS = `query ($ref: ID!) { crossings(personRef: $ref) { crossedAt } }`;
  const NOT_IN_CALENDAR = ["PO-2026-0117@2026-02-31", "PO-2026-0117@2026-04-31", "PO-2026-0117@2026-06-31"];

  it("refuses an X-Authorization-Ref whose date is not in the calendar, and audits the refusal", async () => {
    const ref = travellers()[0]?.personRef;
    const investigator = await as("border-investigator");
    for (const header of NOT_IN_CALENDAR) {
      const res = await gql(CROSSINGS, {
        ...investigator,
        headers: { "x-authorization-ref": header },
        variables: { ref },
      });
      expect(res.body.data ?? null).toBeNull();
      expect({ header, status: res.status, codes: res.body.errors?.map((e) => e.extensions?.code) }).toEqual({
        header,
        status: 400,
        codes: ["AUTHORIZATION_REF_INVALID"],
      });
      // Every request leaves exactly one audit event, this one included.
      expect(await auditEventOf(res.headers.get("x-request-id"))).toMatchObject({
        outcome: "REJECTED",
        releaseAfter: null,
      });
    }
  });

  it("does not let one caller's request take other callers' audit events (and answers) down with it", async () => {
    const ref = travellers()[0]?.personRef;
    const officer = await as("border-officer");
    const investigator = await as("border-investigator");
    const poisoned = () =>
      gql(CROSSINGS, {
        ...investigator,
        headers: { "x-authorization-ref": "PO-2026-0117@2026-02-31" },
        variables: { ref },
      });
    const innocent = () => gql(`{ crossingPoints { code } }`, officer);
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 6 === 3 ? poisoned() : innocent())));
      const innocents = answers.filter((_, i) => i % 6 !== 3);
      expect(innocents.map((a) => a.status)).toEqual(innocents.map(() => 200));
      for (const answer of innocents) {
        expect(await auditEventOf(answer.headers.get("x-request-id"))).toMatchObject({ outcome: "ALLOWED" });
      }
    }
  });
});

describe("operation limits through fragments", () => {
  it("counts the aliases a fragment brings each time it is spread", async () => {
    const ref = travellers()[0]?.personRef ?? "";
    const inner = Array.from({ length: 7 }, (_, i) => `n${i}: familyName`).join(" ");
    const outer = Array.from({ length: 7 }, (_, i) => `p${i}: person(personRef: "${ref}") { ...Names }`).join(" ");
    const res = await gql(`{ ${outer} } fragment Names on Person { ${inner} }`, await as("border-officer"));
    // 14 aliases written, 56 answered: the limit (15) is on what the operation answers.
    expect(res.status).toBe(400);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(await eventOf(res)).toMatchObject({ outcome: "REJECTED", categories: [], disclosedPersonRefs: [] });
  });
});

describe("keys that pass no format (R5-3)", () => {
  const ref = () => travellers()[0]?.personRef ?? "";
  const lookalikes = () => {
    const good = ref();
    return [
      ["SQL single-character wildcard", `PR${"_".repeat(16)}`],
      ["SQL wildcard inside", `${good.slice(0, 10)}%${good.slice(11)}`],
      ["Cyrillic lookalike", good.replace("R", "Р")],
      ["fullwidth letters", good.replace("PR", "ＰＲ")],
      ["lower case", good.toLowerCase()],
      ["trailing newline", `${good}\n`],
      ["leading space", ` ${good}`],
      ["no-break space", `${good}\u00a0`],
      ["zero-width space", `${good.slice(0, 5)}\u200b${good.slice(5)}`],
      ["very long", good.repeat(200)],
      ["SQL injection", `${good}' OR '1'='1`],
    ] as const;
  };

  it("refuses each lookalike of a personRef in a variable, and on every path of the key", async () => {
    const officer = await as("border-officer");
    for (const [what, value] of lookalikes()) {
      for (const query of [
        `query ($ref: ID!) { person(personRef: $ref) { familyName } }`,
        `query ($ref: ID) { crossings(personRef: $ref) { crossedAt } }`,
        `query ($ref: ID!) { persons(personRefs: [$ref]) { familyName } }`,
      ]) {
        const res = await gql(query, { ...officer, variables: { ref: value } });
        expect({ what, query, status: res.status, data: res.body.data ?? null }).toEqual({
          what,
          query,
          status: 403,
          data: null,
        });
        expect(res.body.errors?.map((e) => e.extensions?.rule)).toEqual(["R5-3"]);
        expect(await eventOf(res)).toMatchObject({ outcome: "DENIED", disclosedPersonRefs: [] });
      }
    }
  });

  it("refuses an array where one key is expected, and treats null like a missing key", async () => {
    const officer = await as("border-officer");
    const [a, b] = travellers();
    const array = await gql(`query ($ref: ID!) { person(personRef: $ref) { familyName } }`, {
      ...officer,
      variables: { ref: [a?.personRef, b?.personRef] },
    });
    expect(array.status).toBe(400);
    expect(array.body.data ?? null).toBeNull();
    expect(array.body.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(await eventOf(array)).toMatchObject({ outcome: "REJECTED", disclosedPersonRefs: [] });

    for (const variables of [{ ref: null }, {}]) {
      const res = await gql(
        `query ($ref: ID, $doc: String) { crossings(personRef: $ref, documentNumber: $doc) { id } }`,
        {
          ...officer,
          variables,
        },
      );
      expect(res.status).toBe(403);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors?.map((e) => e.extensions?.rule)).toEqual(["R5-3"]);
      expect(await eventOf(res)).toMatchObject({ outcome: "DENIED", categories: [] });
    }
  });
});

describe("learning that a withheld record exists", () => {
  it("answers __typename of an asylum application the same whether it exists or not", async () => {
    const application = pick(world().asylumApplications, retained, "retained asylum application");
    const officer = await as("border-officer");
    const query = `query ($id: ID!) { asylumApplication(applicationId: $id) { __typename } }`;
    const real = await gql(query, { ...officer, variables: { id: application.applicationId } });
    const none = await gql(query, { ...officer, variables: { id: "AS-1999-00001" } });
    for (const res of [real, none]) {
      expect(res.status).toBe(403);
      expect(res.body.data ?? null).toBeNull();
    }
    expect(real.body).toEqual(none.body);
    expect(await eventOf(real)).toMatchObject({ outcome: "DENIED", disclosedPersonRefs: [] });
  });

  it("answers the statistician's __typename of a person the same whether that person exists or not", async () => {
    const officer = await as("statistician");
    const query = `query ($ref: ID!) { person(personRef: $ref) { __typename } }`;
    const real = await gql(query, { ...officer, variables: { ref: travellers()[0]?.personRef } });
    const none = await gql(query, { ...officer, variables: { ref: "PRAAAAAAAAAAAAAAAA" } });
    expect(real.status).toBe(403);
    expect(real.body).toEqual(none.body);
    expect(real.body.errors?.map((e) => e.extensions?.rule)).toEqual(["R5-6"]);
  });

  it("answers schema questions hidden behind fragments and aliases from the caller's own schema", async () => {
    const res = await gql(
      `query {
        ... on Query { s: __schema { types { name } } }
        ...Types
        crossingPoints { code }
      }
      fragment Types on Query { t: __type(name: "AsylumApplication") { name fields { name } } }`,
      await as("statistician"),
    );
    expect(res.status).toBe(200);
    const data = res.body.data as { s: { types: { name: string }[] }; t: unknown; crossingPoints: unknown[] };
    const names = data.s.types.map((t) => t.name);
    expect(names).toContain("Observation");
    expect(names).not.toContain("AsylumApplication");
    expect(names).not.toContain("TraffickingCase");
    expect(data.t).toBeNull();
    expect(data.crossingPoints.length).toBeGreaterThan(0);
  });
});

describe("direct calls to a subgraph (R7-1)", () => {
  const migrationService = () => hub.subgraphs["migration-service"]?.url ?? "";
  const QUERY = `query ($ref: ID!) { person(personRef: $ref) { familyName } }`;

  it("refuses an expired hub-context token, one signed by the identity provider, and one for a purpose its principal lacks", async () => {
    const ref = travellers()[0]?.personRef;
    const claims = { principal: principalOf("border-officer"), purpose: "BORDER_CHECK" as const, requestId: "attack" };
    const sign = async (key: "gateway" | "idp", iat: number, exp: number) => {
      const k = await loadSigningKey(keyFiles(hub.keysDir, key).privateJwk);
      // Bound to the operation it is sent with, so that only its age or its signer is wrong.
      return new SignJWT({ ...claims, op: hubContextOperationHash({ query: QUERY, variables: { ref } }) })
        .setProtectedHeader({ alg: k.alg, kid: k.kid, typ: HUB_CONTEXT_TYPE })
        .setIssuer(HUB_CONTEXT_ISSUER)
        .setAudience("migration-service")
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(k.key);
    };
    const now = Math.floor(Date.now() / 1000);
    for (const token of [await sign("gateway", now - 120, now - 60), await sign("idp", now, now + 60)]) {
      const res = await gql(QUERY, {
        url: migrationService(),
        headers: { "x-hub-context": token },
        variables: { ref },
      });
      expect(res.status).toBe(401);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    // Signed by the gateway's key, but for a purpose the officer's token never allowed: the subgraph decides again.
    const foreignPurpose = await hubContextToken(
      "migration-service",
      { ...claims, purpose: "ASYLUM_PROCEDURE" },
      { query: QUERY, variables: { ref } },
    );
    const res = await gql(QUERY, {
      url: migrationService(),
      headers: { "x-hub-context": foreignPurpose },
      variables: { ref },
    });
    expect((res.body.data?.person as unknown) ?? null).toBeNull();
    expect(res.body.errors?.map((e) => e.extensions?.code)).toContain("FORBIDDEN");
  });
});

describe("minors' special categories (R6-1-minors)", () => {
  it("refuses a border officer the biometric score of a minor who crossed unaccompanied", async () => {
    const w = world();
    const crossing = pick(
      w.crossings,
      (c) =>
        retained(c) &&
        !c.accompaniedMinor &&
        c.biometricMatchScore !== null &&
        minorToday(personOf(c.personRef)) &&
        retained(personOf(c.personRef)),
      "retained unaccompanied crossing of a minor with a biometric score",
    );
    const res = await gql(
      `query ($ref: ID!) { crossings(personRef: $ref, first: 100) { id accompaniedMinor biometricMatchScore } }`,
      { ...(await as("border-officer")), variables: { ref: crossing.personRef } },
    );
    expect(res.status).toBe(200);
    const crossings = res.body.data?.crossings as { id: string; biometricMatchScore: number | null }[];
    const i = crossings.findIndex((c) => c.id === crossing.id);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(crossings[i]?.biometricMatchScore).toBeNull();
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({
        path: ["crossings", i, "biometricMatchScore"],
        extensions: expect.objectContaining({ code: "FORBIDDEN", rule: "R6-1-minors", category: "BIOMETRIC" }),
      }),
    );
  });

  it("refuses a border officer the chip's facial image digest of a minor's travel document", async () => {
    const document = pick(
      world().travelDocuments,
      (d) => retained(d) && d.chipFacialImageDigest !== null && minorToday(personOf(d.personRef)),
      "retained travel document of a minor with a chip image",
    );
    const res = await gql(
      `query ($doc: String!) { travelDocument(documentNumber: $doc) { documentNumber chipFacialImageDigest } }`,
      { ...(await as("border-officer")), variables: { doc: document.documentNumber } },
    );
    expect(JSON.stringify(res.body.data ?? null)).not.toContain(document.chipFacialImageDigest ?? "");
    expect(res.body.errors?.map((e) => e.extensions?.rule)).toContain("R6-1-minors");
    const event = await eventOf(res);
    expect(event.categories).not.toContain("BIOMETRIC");
  });
});

describe("a minor's criminal records (R6-1-minors)", () => {
  const BAN = "EB-ATTACK-0001";
  const SCREENING = "DS-ATTACK-0001";
  const RETURN = "RD-ATTACK-0001";
  const minor = () =>
    pick(world().persons, (p) => retained(p) && minorToday(p), "retained person who is a minor today");
  const bp = new Client({ connectionString: hub.databaseUrls["border-police"] });
  const ms = new Client({ connectionString: hub.databaseUrls["migration-service"] });

  beforeAll(async () => {
    await bp.connect();
    await ms.connect();
    await bp.query(
      `INSERT INTO entry_ban (id, person_ref, issued_on, valid_until, grounds, retain_until)
       VALUES ($1, $2, '2026-01-10', '2031-01-09', 'CRIMINAL_CONVICTION', '2036-01-09')`,
      [BAN, minor().personRef],
    );
    await bp.query(
      `INSERT INTO deportee_screening (id, person_ref, crossing_point, screened_on, deporting_country, return_reason,
         trafficking_indicators, health_needs, consent_to_share, retain_until)
       VALUES ($1, $2, $3, '2026-02-01', 'DE', 'CRIMINAL_CONVICTION', '{}', NULL, false, '2036-02-01')`,
      [SCREENING, minor().personRef, world().crossingPoints[0]?.code],
    );
    await ms.query(
      `INSERT INTO return_decision (decision_id, person_ref, issued_on, grounds, status, destination_country, retain_until)
       VALUES ($1, $2, '2026-03-01', 'CRIMINAL_CONVICTION', 'ISSUED', 'TR', '2036-03-01')`,
      [RETURN, minor().personRef],
    );
  });
  afterAll(async () => {
    await bp.query(`DELETE FROM entry_ban WHERE id = $1`, [BAN]);
    await bp.query(`DELETE FROM deportee_screening WHERE id = $1`, [SCREENING]);
    await ms.query(`DELETE FROM return_decision WHERE decision_id = $1`, [RETURN]);
    await bp.end();
    await ms.end();
  });

  it("refuses a border officer a minor's entry ban and its grounds, naming the rule", async () => {
    const res = await gql(`query ($ref: ID!) { entryBans(personRef: $ref) { id grounds } }`, {
      ...(await as("border-officer")),
      variables: { ref: minor().personRef },
    });
    expect(JSON.stringify(res.body.data ?? null)).not.toMatch(/CRIMINAL_CONVICTION|EB-ATTACK/);
    expect(res.body.errors?.map((e) => e.extensions?.rule)).toContain("R6-1-minors");
    const event = await eventOf(res);
    expect(event.categories).not.toContain("CRIMINAL");
    expect(event.refusals).toContainEqual(expect.objectContaining({ rule: "R6-1-minors", category: "CRIMINAL" }));
  });

  it("refuses a border officer the return reason of a minor's deportee screening, serving the rest", async () => {
    const res = await gql(`query ($ref: ID!) { deporteeScreenings(personRef: $ref) { id screenedOn returnReason } }`, {
      ...(await as("border-officer")),
      variables: { ref: minor().personRef },
    });
    const screenings = res.body.data?.deporteeScreenings as { id: string; returnReason: string | null }[];
    const i = screenings.findIndex((s) => s.id === SCREENING);
    expect(screenings[i]).toMatchObject({ screenedOn: "2026-02-01", returnReason: null });
    expect(JSON.stringify(res.body.data ?? null)).not.toContain("CRIMINAL_CONVICTION");
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({
        path: ["deporteeScreenings", i, "returnReason"],
        extensions: expect.objectContaining({ code: "FORBIDDEN", rule: "R6-1-minors", category: "CRIMINAL" }),
      }),
    );
  });

  it("refuses an investigator the grounds of a minor's return decision, serving the rest", async () => {
    const res = await gql(`query ($ref: ID!) { returnDecisions(personRef: $ref) { decisionId issuedOn grounds } }`, {
      token: await personaToken("border-investigator"),
      purpose: "CRIMINAL_INVESTIGATION",
      headers: {
        "x-authorization-ref": `PO-2026-0998@${new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10)}`,
      },
      variables: { ref: minor().personRef },
    });
    const decisions = res.body.data?.returnDecisions as { decisionId: string; grounds: string | null }[];
    const i = decisions.findIndex((d) => d.decisionId === RETURN);
    expect(decisions[i]).toMatchObject({ issuedOn: "2026-03-01", grounds: null });
    expect(JSON.stringify(res.body.data ?? null)).not.toContain("CRIMINAL_CONVICTION");
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({
        path: ["returnDecisions", i, "grounds"],
        extensions: expect.objectContaining({ code: "FORBIDDEN", rule: "R6-1-minors", category: "CRIMINAL" }),
      }),
    );
  });
});

describe("the audit names every person whose data left (R7-2, R9-1)", () => {
  it("names the accompanying adult whose personRef a minor's crossings disclose", async () => {
    const w = world();
    const crossing = pick(
      w.crossings,
      (c) => retained(c) && c.accompanyingPersonRef !== null && retained(personOf(c.personRef)),
      "retained crossing of an accompanied minor",
    );
    const res = await gql(
      `query ($ref: ID!) { crossings(personRef: $ref, first: 100) { id accompanyingPerson { personRef } } }`,
      { ...(await as("border-officer")), variables: { ref: crossing.personRef } },
    );
    expect(res.status).toBe(200);
    const adults = (res.body.data?.crossings as { accompanyingPerson: { personRef: string } | null }[]).flatMap((c) =>
      c.accompanyingPerson ? [c.accompanyingPerson.personRef] : [],
    );
    expect(adults).toContain(crossing.accompanyingPersonRef);
    const event = await eventOf(res);
    expect(event.categories).toEqual(expect.arrayContaining(["IDENTIFIER", "MINOR"]));
    for (const adult of adults) expect(event.disclosedPersonRefs).toContain(adult);
  });

  it("does not list categories or persons for a partial answer whose allowed fields all came back empty", async () => {
    const res = await gql(ASYLUM, {
      ...(await as("border-officer")),
      headers: { "x-hub-partial": "true" },
      variables: { ref: "PRAAAAAAAAAAAAAAAA" },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ person: null });
    expect(await eventOf(res)).toMatchObject({ outcome: "DENIED", categories: [], disclosedPersonRefs: [] });
  });
});

describe("the audit log keeps no personal values and states what was served (R7-2)", () => {
  it("keeps no national identification number in clear, however it was typed", async () => {
    const person = travellers()[0];
    const nationalId = person?.nationalId ?? "";
    const officer = await as("border-officer");
    const literal = await gql(`{ personByNationalId(nationalId: ${nationalId}) { familyName } }`, officer);
    const variable = await gql(`query ($id: String!) { personByNationalId(nationalId: $id) { familyName } }`, {
      ...officer,
      variables: { id: Number(nationalId) },
    });
    const inClear: Record<string, boolean> = {};
    for (const [how, res] of [
      ["literal", literal],
      ["variable", variable],
    ] as const) {
      expect(res.status).toBe(400);
      expect(res.body.data ?? null).toBeNull();
      inClear[how] = JSON.stringify(await eventOf(res)).includes(nationalId);
    }
    expect(inClear).toEqual({ literal: false, variable: false });
  });

  it("does not record as allowed the fields removed with their denied parent in partial mode", async () => {
    const person = applicant();
    const res = await gql(
      `query ($ref: ID!) { person(personRef: $ref) { familyName asylumApplications { applicationId person { nationalId } } } }`,
      { ...(await as("border-officer")), headers: { "x-hub-partial": "true" }, variables: { ref: person.personRef } },
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ person: { familyName: person.familyName } });
    const event = await eventOf(res);
    expect(event.outcome).toBe("PARTIAL");
    expect(event.fieldsDenied.map((f) => f.field)).toContain("Person.asylumApplications");
    expect(event.fieldsAllowed.map((f) => f.field).sort()).toEqual(["Person.familyName", "Query.person"]);
  });
});

describe("the applicant's country of origin learns nothing (R14-3)", () => {
  // A recognised refugee from Türkiye, holding the Convention travel document the host country issued.
  const refugee = travellers()[7];
  const APPLICATION = "AS-2026-99990";
  const DOCUMENT = "ZZ9990001";
  const CROSSING = "BC-ATTACK-9990";
  const ms = new Client({ connectionString: hub.databaseUrls["migration-service"] });
  const bp = new Client({ connectionString: hub.databaseUrls["border-police"] });

  beforeAll(async () => {
    if (!refugee) throw new Error("the seeded world has too few adult travellers");
    await ms.connect();
    await bp.connect();
    await ms.query(
      `INSERT INTO asylum_application (application_id, person_ref, lodged_on, first_time, country_of_origin, grounds,
         unaccompanied_minor, outcome, decided_on, retain_until)
       VALUES ($1, $2, '2025-03-02', true, 'TR', '{POLITICAL_OPINION}', false, 'REFUGEE_STATUS', '2025-09-01', '2035-09-01')`,
      [APPLICATION, refugee.personRef],
    );
    await bp.query(
      `INSERT INTO travel_document (document_number, person_ref, kind, issuing_country, issued_on, expires_on,
         chip_facial_image_digest, retain_until)
       VALUES ($1, $2, 'REFUGEE_TRAVEL_DOCUMENT', 'AM', '2025-10-01', '2027-09-30', NULL, '2035-09-01')`,
      [DOCUMENT, refugee.personRef],
    );
    await bp.query(
      `INSERT INTO border_crossing (id, person_ref, document_number, crossing_point, direction, crossed_at,
         accompanied_minor, accompanying_person_ref, biometric_match_score, retain_until)
       VALUES ($1, $2, $3, $4, 'EXIT', '2026-01-15T08:00:00Z', false, NULL, NULL, '2036-01-15')`,
      [CROSSING, refugee.personRef, DOCUMENT, world().crossingPoints[0]?.code],
    );
  });
  afterAll(async () => {
    await ms.query(`DELETE FROM asylum_application WHERE application_id = $1`, [APPLICATION]);
    await bp.query(`DELETE FROM border_crossing WHERE id = $1`, [CROSSING]);
    await bp.query(`DELETE FROM travel_document WHERE document_number = $1`, [DOCUMENT]);
    await ms.end();
    await bp.end();
  });

  const PROBE = `query ($ref: ID!) {
    person(personRef: $ref) { familyName isProtectionHolder asylumApplications { outcome } }
  }`;

  it("answers a Turkish refugee exactly like a person who never applied, in partial mode too", async () => {
    const control = travellers()[8];
    const officer = await asRecipient("tr-readmission-officer");
    const answer = async (ref: string) =>
      gql(PROBE, { ...officer, headers: { "x-hub-partial": "true" }, variables: { ref } });
    const [fled, never] = [await answer(refugee?.personRef ?? ""), await answer(control?.personRef ?? "")];
    expect(fled.status).toBe(never.status);
    expect(fled.body.data).toEqual({ person: { familyName: refugee?.familyName, isProtectionHolder: false } });
    expect(never.body.data).toEqual({ person: { familyName: control?.familyName, isProtectionHolder: false } });
    expect(fled.body.errors).toEqual(never.body.errors);
    expect(JSON.stringify(fled.body)).not.toMatch(/R14-3|withheld/);
    const event = await eventOf(fled);
    expect(event.refusals).toContainEqual(expect.objectContaining({ rule: "R14-3", silent: true }));
  });

  it("does not tell Türkiye's officer, through the travel documents, that the person is a refugee", async () => {
    const query = `query ($ref: ID!) { person(personRef: $ref) { travelDocuments { documentNumber kind } } }`;
    const variables = { ref: refugee?.personRef };
    // The hub's own border officer sees the Convention travel document.
    const home = await gql(query, { ...(await as("border-officer")), variables });
    expect(JSON.stringify(home.body.data)).toContain("REFUGEE_TRAVEL_DOCUMENT");

    const res = await gql(query, { ...(await asRecipient("tr-readmission-officer")), variables });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toMatch(/REFUGEE_TRAVEL_DOCUMENT|R14-3/);
    expect(JSON.stringify(res.body)).not.toContain(DOCUMENT);
    const event = await eventOf(res);
    expect(event.refusals).toContainEqual(expect.objectContaining({ rule: "R14-3", silent: true }));
  });
  it("answers Türkiye's officer's look-up of the refugee travel document as if it did not exist", async () => {
    const query = `query ($doc: String!) { travelDocument(documentNumber: $doc) { documentNumber kind } }`;
    const officer = await asRecipient("tr-readmission-officer");
    const res = await gql(query, { ...officer, variables: { doc: DOCUMENT } });
    const none = await gql(query, { ...officer, variables: { doc: "ZZ9990999" } });
    expect(res.status).toBe(none.status);
    // The agencies' signatures name their request and operation; what they vouch for is the same.
    const vouched = (body: object) => {
      const { extensions, ...rest } = body as { extensions?: { provenance?: { parts: Record<string, unknown>[] } } };
      const parts = extensions?.provenance?.parts.map(({ subgraph, agency, path, data }) => ({
        subgraph,
        agency,
        path,
        data,
      }));
      return { ...rest, parts };
    };
    expect(vouched(res.body)).toEqual(vouched(none.body));
    expect(res.body.data).toEqual({ travelDocument: null });
    const event = await eventOf(res);
    expect(event.refusals).toContainEqual(expect.objectContaining({ rule: "R14-3", silent: true }));
  });

  it("serves Türkiye's officer the crossings made with the refugee travel document, never the document", async () => {
    const query = `query ($ref: ID!) {
      crossings(personRef: $ref, first: 100) { id travelDocument { documentNumber kind } }
      person(personRef: $ref) { crossings { id travelDocument { kind } } }
    }`;
    const variables = { ref: refugee?.personRef };
    const home = await gql(query, { ...(await as("border-officer")), variables });
    expect(JSON.stringify(home.body.data)).toContain("REFUGEE_TRAVEL_DOCUMENT");

    const res = await gql(query, { ...(await asRecipient("tr-readmission-officer")), variables });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toMatch(/REFUGEE_TRAVEL_DOCUMENT|R14-3/);
    expect(JSON.stringify(res.body)).not.toContain(DOCUMENT);
    const data = res.body.data as {
      crossings: { id: string; travelDocument: unknown }[];
      person: { crossings: { id: string; travelDocument: unknown }[] };
    };
    expect(data.crossings).toContainEqual({ id: CROSSING, travelDocument: null });
    expect(data.person.crossings).toContainEqual({ id: CROSSING, travelDocument: null });
    const event = await eventOf(res);
    expect(event.refusals).toContainEqual(expect.objectContaining({ rule: "R14-3", silent: true }));
  });
});

describe("criminal investigations stay out of subject access until released (R9-1)", () => {
  it("does not show the data-protection officer an unreleased investigation through the audit log itself", async () => {
    const ref = travellers()[9]?.personRef ?? "";
    const investigation = await gql(`query ($ref: ID!) { person(personRef: $ref) { familyName } }`, {
      token: await personaToken("border-investigator"),
      purpose: "CRIMINAL_INVESTIGATION",
      headers: {
        "x-authorization-ref": `PO-2026-0999@${new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10)}`,
      },
      variables: { ref },
    });
    expect(investigation.status).toBe(200);
    const requestId = investigation.headers.get("x-request-id");
    const dpo = await as("dpo");
    const report = await gql(`query ($ref: ID!) { subjectAccessReport(personRef: $ref) { disclosures { purpose } } }`, {
      ...dpo,
      variables: { ref },
    });
    expect(JSON.stringify(report.body.data)).not.toContain("CRIMINAL_INVESTIGATION");
    // The same officer, the same purpose, another field of the same log.
    const log = await gql(
      `query ($ref: String!) {
        auditEvents(filter: { personRef: $ref }, first: 50) { edges { node { requestId purpose agency } } }
        exportAuditEvents(filter: { personRef: $ref }, format: JSON_LINES)
      }`,
      { ...dpo, variables: { ref } },
    );
    expect(JSON.stringify(log.body.data ?? null)).not.toContain(String(requestId));
    expect(JSON.stringify(log.body.data ?? null)).not.toContain("CRIMINAL_INVESTIGATION");
  });
});

describe("one audit event per attempt", () => {
  it("has written exactly one event for every request id this file received", async () => {
    const counts = await withAuditDb(
      async (db) =>
        (
          await db.query<{ n: string }>(
            `SELECT count(*) AS n FROM audit_event GROUP BY request_id HAVING count(*) <> 1 LIMIT 5`,
          )
        ).rows,
    );
    expect(counts).toEqual([]);
  });
});
