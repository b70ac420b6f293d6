/** What the gateway passes in extensions.provenance: the signed data it shows, never values the answer does not. */
import { describe, expect, it } from "@jest/globals";
import { answerProvenance, receivedPart } from "./collectProvenance";

const signature = {
  requestId: "r1",
  op: "o".repeat(43),
  payloadHash: "h".repeat(43),
  jws: "eyJhbGciOiJFZERTQSJ9..c2ln",
};

describe("answerProvenance", () => {
  it("passes each part with its agency, path and signed data when the answer shows all of it", () => {
    const signed = {
      crossings: [{ direction: "ENTRY", person: { __typename: "Person", personRef: "PRAAAAAAAAAAAAAAAA" } }],
    };
    const part = receivedPart("border-police", [], signed, signature);
    // Apollo merges later fetches into the objects it received: the part keeps what was signed.
    (signed.crossings[0]!.person as Record<string, unknown>).familyName = "merged later";
    const data = { crossings: [{ direction: "ENTRY", person: { personRef: "PRAAAAAAAAAAAAAAAA" } }] };
    expect(answerProvenance("r1", data, [part!])).toEqual({
      requestId: "r1",
      parts: [
        {
          subgraph: "border-police",
          agency: "BORDER_POLICE",
          path: [],
          data: {
            crossings: [{ direction: "ENTRY", person: { __typename: "Person", personRef: "PRAAAAAAAAAAAAAAAA" } }],
          },
          ...signature,
        },
      ],
    });
  });

  it("withholds the data of a part that signed a join key the caller did not select", () => {
    const signed = {
      crossings: [{ direction: "ENTRY", person: { __typename: "Person", personRef: "PRAAAAAAAAAAAAAAAA" } }],
    };
    const data = { crossings: [{ direction: "ENTRY", person: { familyName: "Petrosyan" } }] };
    const [part] = answerProvenance("r1", data, [receivedPart("border-police", [], signed, signature)!])!.parts;
    expect(part).not.toHaveProperty("data");
    expect(part?.withheld).toBe(
      "its signed data is not all in the answer: crossings.0.person.personRef is signed but not in the answer",
    );
    expect(JSON.stringify(part)).not.toContain("PRAAAAAAAAAAAAAAAA");
  });

  it("takes no part from a response without a readable signature, and gives no provenance without parts", () => {
    expect(receivedPart("border-police", [], {}, undefined)).toBeUndefined();
    expect(receivedPart("border-police", [], {}, { ...signature, jws: 42 })).toBeUndefined();
    expect(receivedPart("border-police", [], {}, { ...signature, jws: "x".repeat(10_000) })).toBeUndefined();
    expect(answerProvenance("r1", { a: 1 }, [])).toBeUndefined();
  });
});
