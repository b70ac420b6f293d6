/** Placing signed subgraph data in a merged answer: root and entity fetches, and what does not fit. */
import { describe, expect, it } from "@jest/globals";
import { dataLeaves, placePart } from "./placePart";
import { canonicalData, provenancePayload } from "./provenancePayload";

const answer = {
  person: {
    personRef: "PRAAAAAAAAAAAAAAAA",
    familyName: "Petrosyan",
    crossings: [
      { direction: "ENTRY", crossingPoint: { code: "GE", name: "Georgia" } },
      { direction: "EXIT", crossingPoint: { code: "IR", name: "Iran" } },
    ],
  },
};

describe("placePart", () => {
  it("covers each value a root fetch signed, skipping type names", () => {
    const placed = placePart(answer, [], {
      person: { __typename: "Person", personRef: "PRAAAAAAAAAAAAAAAA", familyName: "Petrosyan" },
    });
    expect(placed).toEqual({
      ok: true,
      covered: [
        ["person", "personRef"],
        ["person", "familyName"],
      ],
    });
  });

  it("puts the i-th entity on the i-th object along the fetch path", () => {
    const placed = placePart(answer, ["person", "crossings", "@", "crossingPoint"], {
      _entities: [{ name: "Georgia" }, { name: "Iran" }],
    });
    expect(placed).toEqual({
      ok: true,
      covered: [
        ["person", "crossings", 0, "crossingPoint", "name"],
        ["person", "crossings", 1, "crossingPoint", "name"],
      ],
    });
  });

  it("finds swapped entities: each sits on the other's object", () => {
    const placed = placePart(answer, ["person", "crossings", "@", "crossingPoint"], {
      _entities: [{ name: "Iran" }, { name: "Georgia" }],
    });
    expect(placed).toMatchObject({ ok: false, at: ["person", "crossings", 0, "crossingPoint", "name"] });
  });

  it("names a changed value, a signed value the answer does not show, and a wrong entity count", () => {
    expect(placePart(answer, [], { person: { familyName: "Other" } })).toEqual({
      ok: false,
      at: ["person", "familyName"],
      reason: "differs from the signed value",
    });
    expect(placePart(answer, [], { person: { nationalId: "1234567890" } })).toMatchObject({
      ok: false,
      at: ["person", "nationalId"],
      reason: "is signed but not in the answer",
    });
    expect(
      placePart(answer, ["person", "crossings", "@", "crossingPoint"], { _entities: [{ name: "Georgia" }] }),
    ).toMatchObject({
      ok: false,
      reason: "has 2 objects where 1 were signed",
    });
  });

  it("lists an answer's data: non-null values and empty lists, not type names or the gateway's introspection", () => {
    const leaves = dataLeaves({ __schema: { types: [] }, a: { __typename: "A", b: 1, c: null, d: [], e: ["x"] } });
    expect(leaves).toEqual([
      ["a", "b"],
      ["a", "d"],
      ["a", "e", 0],
    ]);
  });
});

describe("the signed text", () => {
  it("is one text whatever the key order, with dates as the ISO text JSON sends", () => {
    const at = new Date("2026-11-25T10:00:00.000Z");
    expect(canonicalData({ b: 1, a: { d: at, c: [true, null] } })).toBe(
      '{"a":{"c":[true,null],"d":"2026-11-25T10:00:00.000Z"},"b":1}',
    );
    const one = provenancePayload({ subgraph: "border-police", requestId: "r", op: "o", data: { x: 1, y: 2 } });
    const two = provenancePayload({ subgraph: "border-police", requestId: "r", op: "o", data: { y: 2, x: 1 } });
    expect(one).toBe(two);
    expect(provenancePayload({ subgraph: "audit", requestId: "r", op: "o", data: { x: 1, y: 2 } })).not.toBe(one);
  });
});
