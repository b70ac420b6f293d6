/** The timeline's pages: the first page for a filter, then more with the connection's cursor. */
import { useCallback, useEffect, useRef, useState } from "react";
import { AUDIT_EVENTS, type AuditEventFilter, type AuditEventSummary, type AuditEventsPage } from "./queries";
import { ask, isAbort, type Problem } from "../shared/request";

export const PAGE_SIZE = 50;

export interface Timeline {
  events: AuditEventSummary[];
  totalCount: number | null;
  hasNextPage: boolean;
  /** True until the first page for the current filter has answered (the rows shown may be the previous filter's). */
  loading: boolean;
  /** True while a further page is loading (the list grows). */
  loadingMore: boolean;
  problem: Problem | null;
  loadMore: () => void;
  reload: () => void;
}

export function useTimeline(filter: AuditEventFilter, purpose: string): Timeline {
  const [events, setEvents] = useState<AuditEventSummary[]>([]);
  const [totalCount, setTotalCount] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasNextPage, setHasNextPage] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [generation, setGeneration] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const key = JSON.stringify(filter);
  // Derived, not set by an effect: the render that shows a new filter already says the list is loading.
  const request = `${generation}|${purpose}|${key}`;
  const [answered, setAnswered] = useState<string | null>(null);

  const fetchPage = useCallback(
    async (after: string | null, forRequest: string) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      const variables = { filter: JSON.parse(key) as AuditEventFilter, first: PAGE_SIZE, after };
      try {
        const answer = await ask<AuditEventsPage>(AUDIT_EVENTS, variables, purpose, current.signal);
        if (!answer.ok) {
          setProblem(answer.problem);
          if (!after) setEvents([]);
        } else {
          const page = answer.data.auditEvents;
          const nodes = page.edges.map((e) => e.node);
          setEvents((previous) => (after ? [...previous, ...nodes] : nodes));
          setTotalCount(page.totalCount);
          setCursor(page.pageInfo.endCursor);
          setHasNextPage(page.pageInfo.hasNextPage);
          setProblem(null);
        }
        setAnswered(forRequest);
        setLoadingMore(false);
      } catch (error) {
        if (!isAbort(error)) throw error;
      }
    },
    [key, purpose],
  );

  useEffect(() => {
    void fetchPage(null, request);
    return () => controller.current?.abort();
  }, [fetchPage, request]);

  const loadMore = useCallback(() => {
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    void fetchPage(cursor, request);
  }, [cursor, loadingMore, fetchPage, request]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return {
    events,
    totalCount,
    hasNextPage,
    loading: answered !== request,
    loadingMore,
    problem,
    loadMore,
    reload,
  };
}
