import { describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { Writable } from "node:stream";
import { apolloLogger, hubLogOptions, redactLogMessage } from "./logging";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const log = pino({ level: "debug", ...hubLogOptions(pino.stdSerializers.err) }, stream);
  return { log, text: () => lines.join("") };
}

describe("hub log options", () => {
  it("drops SQL parameters and a constraint's detail, nested or not, and masks quoted values", () => {
    const { log, text } = capture();
    const driverError = Object.assign(new Error('invalid input syntax for type uuid: "PRABCDEFGHIJKLMNOP"'), {
      code: "22P02",
      detail: "Key (person_ref)=(PRABCDEFGHIJKLMNOP) already exists.",
    });
    const failed = Object.assign(new Error("query failed"), {
      query: "SELECT * FROM person WHERE person_ref = $1",
      parameters: ["PRABCDEFGHIJKLMNOP", "Hakobyan"],
      driverError,
    });
    log.error({ err: failed }, "SQL statement failed");
    expect(text()).not.toMatch(/PRABCDEFGHIJKLMNOP|Hakobyan/);
    expect(text()).toContain("22P02");
    expect(text()).toContain("person_ref = $1");
  });

  it("censors authorization and hub-context headers and request variables", () => {
    const { log, text } = capture();
    log.info(
      {
        req: {
          headers: { authorization: "Bearer eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.sig", "x-hub-context": "eyJ.eyJ.x" },
        },
        variables: { ref: "PRABCDEFGHIJKLMNOP" },
      },
      "request",
    );
    expect(text()).not.toMatch(/eyJ|PRABCDEFGHIJKLMNOP/);
    expect(text()).toContain("[redacted]");
  });

  it("removes the operation excerpt graphql-js appends and the values a message quotes", () => {
    const message =
      'Argument "if" of non-null type "Boolean!" must not be null.\n\nGraphQL request:2:75\n1 | query ($ref: ID!) {\n2 |   person(personRef: "PRABCDEFGHIJKLMNOP") { familyName }';
    expect(redactLogMessage(message)).toBe('Argument "…" of non-null type "…" must not be null.');
    expect(redactLogMessage('Variable "$ref" got invalid value 1234567890')).toBe(
      'Variable "$ref" got invalid value …',
    );
    const { log, text } = capture();
    apolloLogger(log).error(`Unexpected error processing request: ${message}`);
    expect(text()).not.toContain("PRABCDEFGHIJKLMNOP");
    expect(text()).toContain("Unexpected error processing request");
  });
});
