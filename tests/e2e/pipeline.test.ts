/**
 * The gateway's request pipeline over HTTP: whatever is wrong with a request, from its body to
 * its purpose, it is refused with a registered code, and the refusal leaves exactly one audit
 * record with what was known by then (R7-2).
 */
import { describe, expect, it } from "@jest/globals";
import { auditEventCount, auditEventOf } from "../harness/auditDb";
import { as, gql, hub, personaToken } from "../harness/fixtures";

interface Raw {
  status: number;
  body: { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown };
  requestId: string | null;
}

async function send(init: RequestInit & { search?: string }): Promise<Raw> {
  const res = await fetch(`${hub.gatewayUrl}${init.search ?? ""}`, init);
  return {
    status: res.status,
    body: (await res.json()) as Raw["body"],
    requestId: res.headers.get("x-request-id"),
  };
}

const officerHeaders = async () => ({
  "content-type": "application/json",
  authorization: `Bearer ${await personaToken("border-officer")}`,
  "x-purpose": "BORDER_CHECK",
});

describe("request pipeline", () => {
  it.each([
    ["malformed JSON", { body: "{ not json" }, 400, "BAD_REQUEST"],
    [
      "a batch of operations",
      { body: JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]) },
      400,
      "BAD_REQUEST",
    ],
    ["a body that is not an object", { body: JSON.stringify("{ __typename }") }, 400, "BAD_REQUEST"],
    [
      "an oversized body",
      { body: JSON.stringify({ query: `{ __typename }`, pad: "x".repeat(300_000) }) },
      413,
      "PAYLOAD_TOO_LARGE",
    ],
  ])("refuses %s with its code and audits the refusal with the caller it knew", async (_name, init, status, code) => {
    const res = await send({ method: "POST", headers: await officerHeaders(), ...init });
    expect(res.status).toBe(status);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    const event = await auditEventOf(res.requestId);
    expect(event).toMatchObject({ outcome: "REJECTED", errorCodes: [code], disclosedPersonRefs: [], categories: [] });
  });

  it("refuses a body that is not JSON by its content type, and an HTTP method other than GET or POST", async () => {
    const form = await send({
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "query { __typename }",
    });
    expect(form.status).toBe(400);
    expect((await auditEventOf(form.requestId))?.errorCodes).toEqual(["BAD_REQUEST"]);
    const put = await send({ method: "PUT", headers: await officerHeaders(), body: "{}" });
    expect(put.status).toBe(405);
    expect(put.body.errors?.[0]?.extensions?.code).toBe("METHOD_NOT_ALLOWED");
    expect((await auditEventOf(put.requestId))?.outcome).toBe("REJECTED");
  });

  it("audits a refused token without a caller, and answers nothing", async () => {
    const res = await send({
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer not.a.token", "x-purpose": "BORDER_CHECK" },
      body: JSON.stringify({ query: "{ crossingPoints { code } }" }),
    });
    expect(res.status).toBe(401);
    expect(await auditEventOf(res.requestId)).toMatchObject({
      subject: null,
      purpose: "BORDER_CHECK",
      outcome: "REJECTED",
      errorCodes: ["UNAUTHENTICATED"],
    });
  });

  it("names R5-1 and its article when a purpose is missing or not allowed, and keeps the purpose asked for", async () => {
    const missing = await gql(`{ crossingPoints { code } }`, { token: await personaToken("border-officer") });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({
      code: "PURPOSE_REQUIRED",
      rule: "R5-1",
      article: "108+ Art. 5(2), 5(4)(b)",
    });
    expect(await auditEventOf(missing.headers.get("x-request-id"))).toMatchObject({
      purpose: null,
      outcome: "REJECTED",
      refusals: [expect.objectContaining({ rule: "R5-1", by: "gateway" })],
    });

    const notAllowed = await gql(
      `{ crossingPoints { code } }`,
      await as("statistician", {}).then((o) => ({ ...o, purpose: "BORDER_CHECK" })),
    );
    expect(notAllowed.status).toBe(403);
    expect(notAllowed.body.errors?.[0]?.extensions).toMatchObject({ code: "PURPOSE_NOT_ALLOWED", rule: "R5-1" });
    expect(notAllowed.body.errors?.[0]?.message).toMatch(/\[R5-1, 108\+ Art\. 5\(2\), 5\(4\)\(b\)\]/);
    const event = await auditEventOf(notAllowed.headers.get("x-request-id"));
    expect(event).toMatchObject({ purpose: "BORDER_CHECK", agency: "STATISTICS_OFFICE", outcome: "REJECTED" });
    expect(event?.errorCodes).toEqual(["PURPOSE_NOT_ALLOWED"]);
  });

  it("answers a query sent with GET, and audits it like any other", async () => {
    const headers = { ...(await officerHeaders()), "apollo-require-preflight": "true" };
    const res = await send({
      method: "GET",
      headers,
      search: `?query=${encodeURIComponent("{ crossingPoints { code } }")}`,
    });
    expect(res.status).toBe(200);
    expect(Array.isArray((res.body.data as { crossingPoints?: unknown })?.crossingPoints)).toBe(true);
    expect(await auditEventOf(res.requestId)).toMatchObject({ outcome: "ALLOWED", categories: ["REFERENCE"] });
  });

  it("leaves exactly one audit event per request, whatever it was refused for", async () => {
    const before = await auditEventCount();
    const headers = await officerHeaders();
    const requests = [
      send({ method: "POST", headers, body: "{" }),
      send({ method: "POST", headers, body: JSON.stringify([]) }),
      send({ method: "DELETE", headers }),
      send({
        method: "POST",
        headers: { ...headers, authorization: "" },
        body: JSON.stringify({ query: "{ __typename }" }),
      }),
      send({
        method: "POST",
        headers: { ...headers, "x-purpose": "" },
        body: JSON.stringify({ query: "{ __typename }" }),
      }),
      send({ method: "POST", headers, body: JSON.stringify({ query: "{ nope }" }) }),
      send({ method: "POST", headers, body: JSON.stringify({ query: "{" }) }),
      send({ method: "POST", headers, body: JSON.stringify({ query: "{ crossingPoints { code } }" }) }),
    ];
    const answers = await Promise.all(requests);
    expect(answers.map((a) => a.status)).toEqual([400, 400, 405, 401, 400, 400, 400, 200]);
    expect(await auditEventCount()).toBe(before + requests.length);
    for (const answer of answers) expect(await auditEventOf(answer.requestId)).toBeDefined();
  });
});
