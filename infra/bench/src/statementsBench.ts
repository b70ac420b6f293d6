/**
 * SQL statements per request for a list of 10 and of 100 persons with their crossings and
 * documents, read from each subgraph's statement counter (/metrics) before and after one request.
 */
import { LIST_QUERY } from "./mix";

export interface StatementCount {
  persons: number;
  /** Statements by subgraph for one request. */
  bySubgraph: Record<string, number>;
  returned: number;
}

const COUNTED = ["border-police", "migration-service"] as const;

async function statementsAt(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text.split("\n").find((l) => l.startsWith("hub_sql_statements_total"));
  const value = Number(line?.split(" ")[1] ?? Number.NaN);
  if (!Number.isFinite(value)) throw new Error(`no hub_sql_statements_total at ${metricsUrl}`);
  return value;
}

export async function countStatements(
  hubUrl: string,
  headers: Record<string, string>,
  metricsUrls: Record<string, string>,
  refs: readonly string[],
): Promise<StatementCount> {
  const urlOf = (name: string) => metricsUrls[name] ?? "";
  const before = await Promise.all(COUNTED.map((name) => statementsAt(urlOf(name))));
  const res = await fetch(hubUrl, {
    method: "POST",
    headers,
    body: JSON.stringify({ query: LIST_QUERY, variables: { refs } }),
  });
  const body = (await res.json()) as { data?: { persons?: unknown[] }; errors?: unknown[] };
  if (res.status !== 200 || body.errors) {
    throw new Error(
      `the list of ${refs.length} was not answered in full: ${res.status} ${JSON.stringify(body.errors)}`,
    );
  }
  const after = await Promise.all(COUNTED.map((name) => statementsAt(urlOf(name))));
  return {
    persons: refs.length,
    bySubgraph: Object.fromEntries(COUNTED.map((name, i) => [name, (after[i] ?? 0) - (before[i] ?? 0)])),
    returned: body.data?.persons?.length ?? 0,
  };
}
