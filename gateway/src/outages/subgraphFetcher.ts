/**
 * The gateway's HTTP client for subgraphs: node:http(s) with connections kept alive, each call
 * bounded by its subgraph's timeout, body included. Any failure of the transport (no connection,
 * reset, timeout, a 5xx answer) becomes one `SubgraphOutage`, so the data source can tell an
 * outage from a defect without parsing messages.
 *
 * Not Node's fetch: it streams every request body through an async iterable, one socket write per
 * chunk, which the benchmark's profile showed as the gateway's largest cost (15 % of its CPU in
 * `writev` under `writeIterable`); http.request writes a string body with its headers, and cost
 * about half the CPU per call in a side-by-side measurement (docs/performance.md).
 */
import http from "node:http";
import https from "node:https";
import type { RemoteGraphQLDataSource } from "@apollo/gateway";

export type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>["fetcher"]>;

export class SubgraphOutage extends Error {
  constructor(
    /** A short, fixed description for logs: `timeout`, `ECONNREFUSED`, `HTTP 503`, ... */
    readonly reason: string,
  ) {
    super(`subgraph unavailable: ${reason}`);
    this.name = "SubgraphOutage";
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof SubgraphOutage) return error.reason;
  const name = (error as { name?: unknown })?.name;
  if (name === "TimeoutError" || name === "AbortError") return "timeout";
  // node:http's system errors carry their code (ECONNREFUSED, ECONNRESET, ...); fetch's, in `cause`.
  const code = (error as { code?: unknown })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return code;
  return "connection failed";
}

const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

type FetchInit = Parameters<Fetcher>[1];

function headersOf(init: FetchInit): Record<string, string> {
  const headers: Record<string, string> = {};
  new Headers(init?.headers as ConstructorParameters<typeof Headers>[0]).forEach(
    (value, name) => (headers[name] = value),
  );
  return headers;
}

/** A reused keep-alive socket that the subgraph closed as the request went out (Node's http docs, `request.reusedSocket`). */
class StaleSocket extends Error {}

/**
 * One call, sent once more when it went out on a kept-alive socket the subgraph had just closed
 * (its idle timeout met our reuse): the subgraph never read it, so sending it again on a new
 * connection is the same request, still within the one deadline.
 */
async function sendWithRetry(url: string, init: FetchInit, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  try {
    return await send(url, init, timeoutMs);
  } catch (error) {
    if (!(error instanceof StaleSocket)) throw error;
    const left = deadline - Date.now();
    if (left <= 0) throw new SubgraphOutage("timeout");
    return send(url, init, left, false);
  }
}

/** One call: resolves with the whole answer, or rejects once with what went wrong. */
function send(url: string, init: FetchInit, timeoutMs: number, mayRetry = true): Promise<Response> {
  const target = new URL(url);
  const agent = agents[target.protocol as keyof typeof agents];
  if (!agent) return Promise.reject(new SubgraphOutage("unsupported protocol"));
  const body = typeof init?.body === "string" ? init.body : "";
  const headers = { ...headersOf(init), "content-length": String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(
      target,
      { method: init?.method ?? "POST", headers, agent, signal: AbortSignal.timeout(timeoutMs) },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 500) {
          response.resume();
          return reject(new SubgraphOutage(`HTTP ${status}`));
        }
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        // A subgraph that stalls mid-answer is an outage too: the timeout's abort ends the read here.
        response.on("close", () => {
          if (!response.complete) return reject(new SubgraphOutage("timeout"));
          const answer = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined) answer.set(name, Array.isArray(value) ? value.join(", ") : value);
          }
          resolve(
            new Response(Buffer.concat(chunks).toString("utf8"), {
              status,
              statusText: response.statusMessage ?? "",
              headers: answer,
            }),
          );
        });
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) => {
      const closedUnderUs = error.code === "ECONNRESET" || error.code === "EPIPE";
      reject(mayRetry && request.reusedSocket && closedUnderUs ? new StaleSocket(error.code) : error);
    });
    request.end(body);
  });
}

export function createSubgraphFetcher(timeoutMs: number): Fetcher {
  return async (url, init) => {
    try {
      return await sendWithRetry(url, init, timeoutMs);
    } catch (error) {
      throw new SubgraphOutage(reasonOf(error));
    }
  };
}
