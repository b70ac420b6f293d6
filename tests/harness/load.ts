/** Continuous concurrent load for fault tests: a fixed number of workers repeat one call until stopped. */

export interface LoadResult<T> {
  /** When the call was sent (epoch ms). */
  sentAt: number;
  value?: T;
  /** The call failed without an answer (connection refused or reset). */
  failure?: string;
}

export interface Load<T> {
  /** Everything answered or failed so far. */
  results: LoadResult<T>[];
  /** Resolves once `predicate` holds for a result that arrived after this call. */
  until: (predicate: (r: LoadResult<T>) => boolean, timeoutMs?: number) => Promise<LoadResult<T>>;
  /** Stops the workers and resolves with every result once the calls in flight have ended. */
  stop: () => Promise<LoadResult<T>[]>;
}

export function startLoad<T>(call: () => Promise<T>, concurrency: number): Load<T> {
  const results: LoadResult<T>[] = [];
  let running = true;
  const worker = async () => {
    while (running) {
      const sentAt = Date.now();
      try {
        results.push({ sentAt, value: await call() });
      } catch (error) {
        results.push({ sentAt, failure: String((error as Error).cause ?? error) });
        // A refused connection fails at once; do not spin.
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  return {
    results,
    until: async (predicate, timeoutMs = 30_000) => {
      const from = results.length;
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const hit = results.slice(from).find(predicate);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`no such result within ${timeoutMs} ms`);
    },
    stop: async () => {
      running = false;
      await Promise.all(workers);
      return results;
    },
  };
}
