/** The log lines of an issuer's key fetches: each change said once, never a line per request. */
import type { Logger } from "pino";

export class FailureStreak {
  /** What the logs last said; a streak of failures is told once, its worsening once more. */
  #announced: "ok" | "stale" | "unavailable" = "ok";

  constructor(
    private readonly log: Logger,
    private readonly issuer: string,
  ) {}

  /** A good fetch: "recovered" after failures, "fetched" when the key ids changed. */
  fetched(keyIds: string[], previous: string[] | null, count: number): void {
    const fields = { issuer: this.issuer, keyIds, count };
    if (this.#announced !== "ok") this.log.info(fields, "identity provider keys recovered");
    this.#announced = "ok";
    if (previous === null || previous.join("\n") !== keyIds.join("\n")) {
      this.log.info(fields, "identity provider keys fetched");
    }
  }

  /**
   * The last fetch failed: a warning while older keys are still served (until `staleUntil`, none
   * for a file, which does not age), an error once none are.
   */
  failing(error: string | null, serving: boolean, staleUntil?: number): void {
    if (!serving) {
      if (this.#announced === "unavailable") return;
      this.log.error(
        { issuer: this.issuer, error },
        "identity provider keys unavailable: its tokens are answered 503 until it can be reached",
      );
      this.#announced = "unavailable";
    } else if (this.#announced === "ok") {
      this.log.warn(
        {
          issuer: this.issuer,
          error,
          staleUntil: staleUntil === undefined ? undefined : new Date(staleUntil).toISOString(),
        },
        "identity provider key refresh failed",
      );
      this.#announced = "stale";
    }
  }
}
