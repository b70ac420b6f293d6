/**
 * The hub's logs carry no personal values or tokens. The whole suite's logs are scanned at
 * teardown (harness/scanLogsForLeaks.ts); here the scanner is shown to find what it must, and a
 * gateway of the test's own is made to log the errors most likely to quote a request.
 */
import { describe, expect, it } from "@jest/globals";
import { as, gql, hubContextToken, principalOf, world } from "../harness/fixtures";
import { createLeakScanner } from "../harness/leakScanner";
import { startOwnGateway, startOwnSubgraph } from "../harness/processes";
import { assertScannerWorks } from "../harness/scanLogsForLeaks";

const scanner = createLeakScanner(world());

describe("log scan", () => {
  it("finds seeded names, personRefs, national ids, document numbers and JWTs, however they are quoted", () => {
    expect(() => assertScannerWorks(scanner, world())).not.toThrow();
    const person = world().persons[7];
    const document = world().travelDocuments[3];
    if (!person || !document) throw new Error("the seeded world is empty");
    const escaped = JSON.stringify({ msg: JSON.stringify({ q: `person(personRef: "${person.personRef}")` }) });
    expect(scanner.scan(escaped).map((l) => l.kind)).toContain("personRef");
    expect(scanner.scan(`no document ${document.documentNumber.toLowerCase()}`).map((l) => l.kind)).toEqual([
      "document",
    ]);
    expect(scanner.scan(`Key (national_id)=(${person.nationalId})`).map((l) => l.kind)).toEqual(["nationalId"]);
    expect(scanner.scan(`{"who":"${person.familyName.toUpperCase()}"}`).map((l) => l.kind)).toEqual(["name"]);
  });

  it("passes ordinary log lines", () => {
    const line =
      '{"level":40,"time":1796126270733,"pid":21281,"name":"border-police","reason":"invalid hub-context token: unexpected \\"aud\\" claim value","msg":"call refused"}';
    expect(scanner.scan(line)).toEqual([]);
  });
});

describe("what the gateway logs of failing requests", () => {
  it("logs an unexpected error without the operation's values or the caller's token", async () => {
    const gateway = await startOwnGateway();
    const person = world().persons[11];
    if (!person) throw new Error("the seeded world is empty");
    const options = await as("border-officer");
    try {
      // A directive condition that is null at run time makes graphql-js throw, quoting the operation.
      const res = await gql(
        `query ($hide: Boolean = true) {
          person(personRef: "${person.personRef}") { familyName nationalId @skip(if: $hide) }
        }`,
        { ...options, variables: { hide: null }, url: `${gateway.origin}/graphql` },
      );
      expect(res.status).toBeGreaterThanOrEqual(400);
      // A body that is not JSON, and a token in the wrong place.
      await fetch(`${gateway.origin}/graphql?token=${options.token ?? ""}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${options.token ?? ""}` },
        body: `{"query": "{ person(personRef: \\"${person.personRef}\\") { familyName } }", `,
      });
    } finally {
      await gateway.stop();
    }
    const output = gateway.output();
    expect(output).toMatch(/Unexpected error processing request|unexpected error/);
    expect(scanner.scan(output)).toEqual([]);
  });

  it("answers a subgraph body that does not parse with JSON, and logs no excerpt of it", async () => {
    const subgraph = await startOwnSubgraph("border-police");
    const person = world().persons[13];
    if (!person) throw new Error("the seeded world is empty");
    try {
      // Bodies are parsed only under a valid token: one signed for some operation opens the parser.
      const token = await hubContextToken(
        "border-police",
        { principal: principalOf("border-officer"), purpose: "BORDER_CHECK", requestId: "log-leak-test" },
        { query: "{ crossingPoints { code } }" },
      );
      const res = await fetch(`${subgraph.origin}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-context": token },
        body: `{"query": ${person.personRef} ${person.familyName}`,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        errors: [{ message: "The request is not valid.", extensions: { code: "BAD_REQUEST" } }],
      });
    } finally {
      await subgraph.stop();
    }
    expect(subgraph.output()).not.toBe("");
    expect(scanner.scan(subgraph.output())).toEqual([]);
  });
});
