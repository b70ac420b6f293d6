/**
 * Logs subgraph outages once per interval per subgraph: the first failure at once, then one warn
 * line per interval with how many requests were affected, and one info line when the subgraph
 * answers again. An outage under load must not write a line (or a stack trace) per request.
 */
import type { Logger } from "pino";

interface Episode {
  /** When the last line for this subgraph was written. */
  loggedAt: number;
  /** Failures since that line. */
  count: number;
  reason: string;
}

export class OutageLog {
  private readonly episodes = new Map<string, Episode>();

  constructor(
    private readonly log: Pick<Logger, "warn" | "info">,
    private readonly intervalMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** A request to `subgraph` failed for `reason` (a short word: timeout, refused, HTTP 503, ...). */
  failed(subgraph: string, reason: string): void {
    const now = this.now();
    const episode = this.episodes.get(subgraph);
    if (!episode) {
      this.episodes.set(subgraph, { loggedAt: now, count: 0, reason });
      this.log.warn({ subgraph, reason }, "subgraph unavailable");
      return;
    }
    episode.count += 1;
    episode.reason = reason;
    if (now - episode.loggedAt < this.intervalMs) return;
    this.log.warn(
      { subgraph, reason, failures: episode.count, intervalMs: now - episode.loggedAt },
      "subgraph still unavailable",
    );
    episode.loggedAt = now;
    episode.count = 0;
  }

  /** A request to `subgraph` was answered: ends its outage, if it had one. */
  answered(subgraph: string): void {
    const episode = this.episodes.get(subgraph);
    if (!episode) return;
    this.episodes.delete(subgraph);
    this.log.info({ subgraph, failuresSinceLastLine: episode.count }, "subgraph available again");
  }
}
