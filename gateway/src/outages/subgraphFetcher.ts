/**
 * The gateway's HTTP client for subgraphs: Node's own fetch (undici, connections kept alive),
 * each call bounded by its subgraph's timeout, body included. Any failure of the transport (no
 * connection, reset, timeout, a 5xx answer) becomes one `SubgraphOutage`, so the data source can
 * tell an outage from a defect without parsing messages.
 */
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
  // undici puts the system error (ECONNREFUSED, ECONNRESET, ...) in `cause`.
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  if (typeof cause?.code === "string") return cause.code;
  return "connection failed";
}

export function createSubgraphFetcher(timeoutMs: number): Fetcher {
  return async (url, init) => {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      if (response.status >= 500) {
        await response.body?.cancel();
        throw new SubgraphOutage(`HTTP ${response.status}`);
      }
      // Read the body here, under the same timeout: a subgraph that stalls mid-answer is an outage too.
      const body = await response.text();
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (error) {
      throw new SubgraphOutage(reasonOf(error));
    }
  };
}
