/**
 * An HTTP endpoint that answers the profile pull's query the way the gateway's contract says:
 * a source table per indicator and year, with an `x-request-id`, or the error a test gives it.
 * It stands for the hub's HTTP interface in tests of the pull's client, never for a policy:
 * the real gateway and its decisions are tested end to end (tests/e2e).
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { SourceTable } from "../pull/sourceTable";

export interface ReceivedRequest {
  headers: http.IncomingHttpHeaders;
  query: string;
  variables: { indicator: string; year: number };
}

export type Answer =
  { table: SourceTable } | { status: number; errors: { message: string; extensions: Record<string, unknown> }[] };

export interface ContractGateway {
  url: string;
  received: ReceivedRequest[];
  close: () => Promise<void>;
}

export async function startContractGateway(answer: (request: ReceivedRequest) => Answer): Promise<ContractGateway> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as Omit<ReceivedRequest, "headers">;
      const request = { headers: req.headers, ...body };
      received.push(request);
      const reply = answer(request);
      const requestId = randomUUID();
      res.setHeader("content-type", "application/json");
      res.setHeader("x-request-id", requestId);
      if ("table" in reply) {
        res.end(JSON.stringify({ data: { table: reply.table } }));
      } else {
        res.statusCode = reply.status;
        res.end(JSON.stringify({ errors: reply.errors, data: null }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
