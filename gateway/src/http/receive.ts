/**
 * The receive stage: reads one GraphQL request off the wire within the size limit and parses its
 * JSON body. Whatever is wrong with it (method, content type, size, JSON, a batch) becomes a
 * refusal that is audited like any other, never an unrecorded framework error page.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import getRawBody from "raw-body";
import { ERROR_CODES, type ErrorCode } from "@hub/contracts";
import { type Received, type Refused, refusal } from "../pipeline/stages";

export interface ReceiveLimits {
  maxBodyBytes: number;
}

const JSON_TYPE = /^application\/(graphql-response\+)?json\s*(;|$)/i;

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

const plausibleName = (value: unknown) =>
  typeof value === "string" && /^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(value) ? value : null;

export async function receive(req: IncomingMessage, limits: ReceiveLimits): Promise<Received | Refused> {
  const url = new URL(req.url ?? "/", "http://gateway");
  const method = req.method === "GET" || req.method === "POST" ? req.method : undefined;
  const headers = headersOf(req);
  const base: Received = {
    requestId: randomUUID(),
    startedAt: Date.now(),
    method: method ?? "POST",
    headers,
    search: url.search,
    body: undefined,
    operationName: plausibleName(url.searchParams.get("operationName")),
  };
  const refuse = (code: ErrorCode, message: string) => {
    // An unread body would reset the connection under the answer; drain it (bounded by the socket's life).
    if (!req.readableEnded) req.resume();
    return refusal("receive", base, code, ERROR_CODES[code].status, message);
  };

  if (!method) return refuse("METHOD_NOT_ALLOWED", "Send GraphQL requests with POST (or GET for queries).");
  if (method === "GET") {
    req.resume();
    return base;
  }
  if (!JSON_TYPE.test(headers["content-type"] ?? "")) {
    return refuse("BAD_REQUEST", "Send the operation as JSON, with Content-Type: application/json.");
  }
  let text: string;
  try {
    text = await getRawBody(req, { limit: limits.maxBodyBytes, encoding: "utf8" });
  } catch (error) {
    const type = (error as { type?: string }).type;
    if (type === "entity.too.large") {
      return refuse("PAYLOAD_TOO_LARGE", `The request body is larger than ${limits.maxBodyBytes} bytes.`);
    }
    return refuse("BAD_REQUEST", "The request body could not be read.");
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse("BAD_REQUEST", "The request body is not valid JSON.");
  }
  if (Array.isArray(body)) {
    return refuse("BAD_REQUEST", "Batched operations are not accepted: send one operation per request.");
  }
  if (typeof body !== "object" || body === null) {
    return refuse("BAD_REQUEST", "The request body must be a JSON object with a query.");
  }
  const fields = body as Record<string, unknown>;
  return { ...base, body: fields, operationName: plausibleName(fields.operationName) };
}
