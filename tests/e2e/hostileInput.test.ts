/**
 * Hostile input, as an attacker would send it: bombs of depth, aliases and cost (the cost in
 * variables and their defaults too), an oversized body, a batch of 100 operations, injection
 * strings in every string argument of every root field, a mutation over GET. Each is answered
 * with its registered code and status, never a 500 or an internal message; nothing crashes; and
 * every request leaves exactly one audit event. (limits.test.ts and pipeline.test.ts hold the
 * limits' and refusals' ordinary cases.)
 */
import { describe, expect, it } from "@jest/globals";
import { ERROR_CODES } from "@hub/contracts";
import type { PersonaName } from "@hub/gateway";
import { auditEventOf, withAuditDb } from "../harness/auditDb";
import { as, gql, hub, personaToken, sqlStatements, world, type Answer } from "../harness/fixtures";
import { stringTargets } from "../harness/stringArguments";

const requestIds: string[] = [];
const MAX_COST = 5000;

const INTERNAL_DETAIL =
  /QueryFailedError|syntax error at or near|invalid byte sequence|relation "|TypeORM|\.js:\d+|ECONN|Did you mean/i;

/** What an answer must never be, whatever was sent: a 5xx, an unregistered code, an internal detail. */
function problemsOf(res: Answer): string[] {
  const problems = res.status >= 500 ? [`status ${res.status}`] : [];
  for (const error of res.body.errors ?? []) {
    const code = String(error.extensions?.code);
    if (!Object.hasOwn(ERROR_CODES, code) || code === "INTERNAL_SERVER_ERROR")
      problems.push(`${code}: ${error.message}`);
    if (error.extensions && "stacktrace" in error.extensions) problems.push("a stack trace");
    if (INTERNAL_DETAIL.test(error.message)) problems.push(`internal detail: ${error.message}`);
  }
  const id = res.headers.get("x-request-id");
  if (id) requestIds.push(id);
  else problems.push("no request id");
  return problems;
}

function expectHandled(res: Answer) {
  expect(problemsOf(res)).toEqual([]);
}

async function ask(query: string, variables?: Record<string, unknown>, persona: PersonaName = "border-officer") {
  return gql(query, { ...(await as(persona)), ...(variables ? { variables } : {}) });
}

async function send(query: string, variables?: Record<string, unknown>, persona: PersonaName = "border-officer") {
  const res = await ask(query, variables, persona);
  expectHandled(res);
  return res;
}

async function post(body: string): Promise<Answer> {
  const res = await fetch(hub.gatewayUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${await personaToken("border-officer")}`,
      "x-purpose": "BORDER_CHECK",
    },
    body,
  });
  const answer = { status: res.status, body: (await res.json()) as Answer["body"], headers: res.headers };
  expectHandled(answer);
  return answer;
}

const statementsNow = async () => (await sqlStatements("border-police")) + (await sqlStatements("migration-service"));

async function expectRefused(res: Answer, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body.data ?? null).toBeNull();
  expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(await auditEventOf(res.headers.get("x-request-id"))).toMatchObject({
    outcome: "REJECTED",
    errorCodes: [code],
    categories: [],
    disclosedPersonRefs: [],
  });
}

const ref = () => world().persons[0]?.personRef ?? "";
/** crossings 1 + person 100 + crossings 100 + person 100·100 + familyName 100·100 */
const BOMB_COST = 1 + 100 + 100 + 100 * 100 + 100 * 100;
const bomb = (page: string) =>
  `crossings(personRef: $ref, first: ${page}) { person { crossings(first: ${page}) { person { familyName } } } }`;

describe("operation bombs", () => {
  it("refuses a depth bomb of 300 levels and an alias bomb of 300 aliases", async () => {
    let selection = "id";
    for (let i = 0; i < 150; i++) selection = `person { crossings { ${selection} } }`;
    const deep = await send(`{ crossings(personRef: "${ref()}") { ${selection} } }`);
    await expectRefused(deep, 400, "QUERY_TOO_COMPLEX");
    const aliases = Array.from({ length: 300 }, (_, i) => `a${i}: countries { code }`).join(" ");
    await expectRefused(await send(`{ ${aliases} }`), 400, "QUERY_TOO_COMPLEX");
  });

  it.each([
    ["written literally", `query ($ref: ID) { ${bomb("100")} }`, {}],
    ["passed in a variable", `query ($ref: ID, $n: Int) { ${bomb("$n")} }`, { n: 100 }],
    ["left to the variable's default", `query ($ref: ID, $n: Int = 100) { ${bomb("$n")} }`, {}],
  ])("refuses a cost bomb with its page size %s, before any subgraph is asked", async (_how, query, variables) => {
    const before = await statementsNow();
    const res = await send(query, { ref: ref(), ...variables });
    await expectRefused(res, 400, "QUERY_TOO_COMPLEX");
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: "QUERY_TOO_COMPLEX", cost: BOMB_COST, limit: MAX_COST });
    expect(await statementsNow()).toBe(before);
  });

  it("serves the same operation with a small page in its variable", async () => {
    const res = await send(`query ($ref: ID, $n: Int) { ${bomb("$n")} }`, { ref: ref(), n: 2 });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.data?.crossings)).toBe(true);
  });

  it("refuses a field repeated 600 times in a list (no alias, shallow, but costly)", async () => {
    const fields = Array.from({ length: 600 }, () => "code").join(" ");
    const res = await send(`{ crossingPoints { ${fields} } }`);
    await expectRefused(res, 400, "QUERY_TOO_COMPLEX");
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ cost: 1 + 10 * 600 });
  });

  it.each([
    ["on Query", () => `{ ...F0 }`, "Query"],
    ["under a person", () => `{ person(personRef: "${ref()}") { ...F0 } }`, "Person"],
  ])(
    "refuses a fragment bomb %s (30^6 spreads in a few hundred tokens), answering at once",
    async (_where, root, type) => {
      const levels = Array.from(
        { length: 6 },
        (_, i) => `fragment F${i} on ${type} { ${Array.from({ length: 30 }, () => `...F${i + 1}`).join(" ")} }`,
      );
      const query = `${root()} ${levels.join(" ")} fragment F6 on ${type} { __typename }`;
      const started = Date.now();
      await expectRefused(await send(query), 400, "QUERY_TOO_COMPLEX");
      expect(Date.now() - started).toBeLessThan(5000);
    },
  );

  it("refuses a field repeated 1,900 times with graphql-js's own guard on merging fields", async () => {
    const fields = Array.from({ length: 1900 }, () => "code").join(" ");
    await expectRefused(await send(`{ crossingPoints { ${fields} } }`), 400, "GRAPHQL_VALIDATION_FAILED");
  });
});

describe("malformed requests", () => {
  it("refuses a body of 5 MB", async () => {
    const fields = Array.from({ length: 500_000 }, (_, i) => `f${i}`).join(" ");
    await expectRefused(await post(JSON.stringify({ query: `{ ${fields} }` })), 413, "PAYLOAD_TOO_LARGE");
  });

  it("refuses 100 operations batched in one JSON array as one request, running none", async () => {
    const before = await statementsNow();
    const batch = Array.from({ length: 100 }, () => ({ query: `{ crossings(personRef: "${ref()}") { id } }` }));
    await expectRefused(await post(JSON.stringify(batch)), 400, "BAD_REQUEST");
    expect(await statementsNow()).toBe(before);
  });

  it.each([
    // Without a preflight header a GET is refused as a possible cross-site request, whatever it asks.
    ["without a preflight header", {}, 400, "BAD_REQUEST", /Cross-Site Request Forgery/],
    ["with a preflight header", { "apollo-require-preflight": "true" }, 405, "METHOD_NOT_ALLOWED", /only .*query/],
  ])("refuses a mutation sent with GET %s", async (_how, extra, status, code, message) => {
    const res = await fetch(`${hub.gatewayUrl}?query=${encodeURIComponent("mutation { __typename }")}`, {
      headers: {
        authorization: `Bearer ${await personaToken("border-officer")}`,
        "x-purpose": "BORDER_CHECK",
        ...extra,
      },
    });
    const answer = { status: res.status, body: (await res.json()) as Answer["body"], headers: res.headers };
    expectHandled(answer);
    expect(answer.status).toBe(status);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect(answer.body.errors?.[0]?.message).toMatch(message);
    expect(await auditEventOf(answer.headers.get("x-request-id"))).toMatchObject({
      outcome: "REJECTED",
      errorCodes: [code],
    });
  });

  it("suggests no field names for a misspelt field", async () => {
    const res = await send(`{ crossingPoint { code } }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

const INJECTIONS = [
  "' OR 1=1 --",
  "'; DROP TABLE person; --",
  "x\u0000y",
  "%00",
  "a".repeat(20_000),
  "\u202Egnp.exe\u202C 🙂👨‍👩‍👧 \uD800",
  '{"$gt": "", "personRef": {"$ne": null}}',
  '") { __schema { types { name } } } #',
  "../../../etc/passwd",
];

/** The persona whose agency the serving graph is, so the strings reach that subgraph's database. */
const PERSONA_OF_GRAPH: Record<string, PersonaName> = {
  AUDIT: "auditor",
  BORDER_POLICE: "border-officer",
  MIGRATION_SERVICE: "migration-clerk",
  STATISTICS_OFFICE: "statistician",
};

describe("injection strings in every string argument of every root field", () => {
  const targets = stringTargets({ personRef: world().persons[0]?.personRef ?? "" });
  let before = 0;

  it("found the root fields' string arguments in the supergraph", async () => {
    before = await statementsNow();
    expect(targets.length).toBeGreaterThan(40);
    expect(targets.map((t) => t.name)).toEqual(
      expect.arrayContaining(["Query.personByNationalId(nationalId:)", "Query.auditEvents(filter.subject:)"]),
    );
  });

  it.each(targets.map((t) => [t.name, t] as const))("%s", async (_name, target) => {
    const persona = PERSONA_OF_GRAPH[target.graph] ?? "border-officer";
    const problems: string[] = [];
    for (const value of INJECTIONS) {
      const res = await ask(target.query, target.variables(value), persona);
      const found = [...problemsOf(res), ...([200, 400, 403].includes(res.status) ? [] : [`status ${res.status}`])];
      if (found.length > 0) problems.push(`${JSON.stringify(value.slice(0, 30))}: ${found.join("; ")}`);
    }
    expect(problems).toEqual([]);
  });

  it("reached the agencies' databases with them", async () => {
    expect(await statementsNow()).toBeGreaterThan(before);
  });
});

describe("afterwards", () => {
  it("left exactly one audit event per request, and every process healthy", async () => {
    const counts = await withAuditDb(async (db) => {
      const { rows } = await db.query<{ request_id: string; n: string }>(
        "SELECT request_id, count(*) AS n FROM audit_event WHERE request_id = ANY($1) GROUP BY request_id",
        [requestIds],
      );
      return new Map(rows.map((r) => [r.request_id, Number(r.n)]));
    });
    const wrong = requestIds.filter((id) => counts.get(id) !== 1);
    const health = await Promise.all(
      [hub.gatewayUrl, ...Object.values(hub.subgraphs).map((s) => s.url)].map(
        async (url) => (await fetch(url.replace(/\/graphql$/, "/health"))).status,
      ),
    );
    expect(requestIds.length).toBeGreaterThan(500);
    expect({ wrong, health }).toEqual({ wrong: [], health: health.map(() => 200) });
  });
});
