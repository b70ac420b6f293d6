/** An operation name the document does not hold is the caller's mistake (400), never a server error. */
import { describe, expect, it } from "@jest/globals";
import { as, hub } from "../harness/fixtures";

async function post(body: Record<string, unknown>) {
  const { token, purpose } = await as("border-officer");
  const res = await fetch(hub.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-purpose": purpose ?? "" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { errors?: { extensions?: { code?: string } }[] } };
}

describe("operation name", () => {
  it("answers an unknown operationName with OPERATION_RESOLUTION_FAILURE", async () => {
    const res = await post({ query: "query Points { crossingPoints { code } }", operationName: "Other" });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("OPERATION_RESOLUTION_FAILURE");
  });

  it("asks which operation to run when the document has several and none is named", async () => {
    const res = await post({ query: "query A { crossingPoints { code } } query B { countries { code } }" });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("OPERATION_RESOLUTION_FAILURE");
  });
});
