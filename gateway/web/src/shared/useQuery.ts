/** One GraphQL query bound to React state: re-sent when its variables or purpose change, stale answers dropped. */
import { useCallback, useEffect, useState } from "react";
import { ask, isAbort, type Problem } from "./request";

export interface QueryState<T> {
  /** True until the answer for the current variables has arrived (derived, so no render shows a stale answer as current). */
  loading: boolean;
  data: T | null;
  problem: Problem | null;
  reload: () => void;
}

interface Answered<T> {
  request: string;
  data: T | null;
  problem: Problem | null;
}

export function useQuery<T>(query: string, variables: Record<string, unknown>, purpose: string): QueryState<T> {
  const [generation, setGeneration] = useState(0);
  // Variables compared by value: a fresh object with the same filter is the same query.
  const request = JSON.stringify([generation, purpose, query, variables]);
  const [answered, setAnswered] = useState<Answered<T> | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const [, forPurpose, forQuery, forVariables] = JSON.parse(request) as [
      number,
      string,
      string,
      Record<string, unknown>,
    ];
    ask<T>(forQuery, forVariables, forPurpose, controller.signal)
      .then((answer) =>
        setAnswered(
          answer.ok ? { request, data: answer.data, problem: null } : { request, data: null, problem: answer.problem },
        ),
      )
      .catch((error: unknown) => {
        if (!isAbort(error)) throw error;
      });
    return () => controller.abort();
  }, [request]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const current = answered?.request === request ? answered : null;
  return { loading: current === null, data: current?.data ?? null, problem: current?.problem ?? null, reload };
}
