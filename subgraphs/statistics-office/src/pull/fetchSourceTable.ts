/**
 * Asks the gateway for one source table, as the Statistics Office's service client: bearer token,
 * purpose OFFICIAL_STATISTICS. Every way the answer can fail becomes a ProfilePullError saying
 * what happened; the gateway's request id comes back with the table (the pull's audit record).
 */
import type { ErrorCode, SourceIndicator } from "@hub/contracts";
import { ProfilePullError } from "./ProfilePullError";
import { sourceTableQuery, sourceTableSchema, type SourceTable } from "./sourceTable";

export interface SourceTableRequest {
  gatewayUrl: string;
  token: string;
  agency: SourceIndicator["agency"];
  indicator: string;
  year: number;
  timeoutMs: number;
}

export interface FetchedTable {
  table: SourceTable;
  requestId: string;
}

interface GraphQLAnswer {
  data?: { table?: unknown } | null;
  errors?: { message?: string; extensions?: Record<string, unknown> }[];
}

/** Codes that mean the hub decided against the caller (the token, the purpose or a policy). */
const REFUSALS: ReadonlySet<string> = new Set<ErrorCode>([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "PURPOSE_REQUIRED",
  "PURPOSE_NOT_ALLOWED",
]);

export async function fetchSourceTable(request: SourceTableRequest): Promise<FetchedTable> {
  const what = `${request.indicator} ${request.year}`;
  let res: Response;
  try {
    res = await fetch(request.gatewayUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${request.token}`,
        "x-purpose": "OFFICIAL_STATISTICS",
      },
      body: JSON.stringify({
        query: sourceTableQuery(request.agency),
        variables: { indicator: request.indicator, year: request.year },
      }),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    throw new ProfilePullError(
      "GATEWAY_UNREACHABLE",
      `the gateway at ${request.gatewayUrl} did not answer (${whyUnanswered(error)})`,
    );
  }
  const requestId = res.headers.get("x-request-id") ?? "";
  let answer: GraphQLAnswer;
  try {
    answer = (await res.json()) as GraphQLAnswer;
  } catch {
    throw new ProfilePullError(
      res.status === 401 ? "REFUSED" : "GATEWAY_ERROR",
      `the gateway answered ${what} with HTTP ${res.status} and no GraphQL body`,
    );
  }
  const error = answer.errors?.[0];
  if (error) throw refusalOf(error, res.status, what, requestId);
  const parsed = sourceTableSchema.safeParse(answer.data?.table);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProfilePullError(
      "INVALID_TABLE",
      `the table ${what} is not a statistical table of the contract (${issue?.path.join(".") || "table"}: ${issue?.message})`,
    );
  }
  return { table: parsed.data, requestId };
}

function refusalOf(
  error: NonNullable<GraphQLAnswer["errors"]>[number],
  status: number,
  what: string,
  requestId: string,
): ProfilePullError {
  const code = typeof error.extensions?.code === "string" ? error.extensions.code : `HTTP ${status}`;
  const rule = [error.extensions?.rule, error.extensions?.article].filter((v) => typeof v === "string").join(", ");
  const said = `${error.message ?? "no message"}${rule ? ` (${rule})` : ""}`;
  const request = requestId ? `; request ${requestId}` : "";
  if (REFUSALS.has(code) || status === 401 || status === 403) {
    return new ProfilePullError("REFUSED", `the hub refused ${what}: ${code}: ${said}${request}`);
  }
  if (code === "BAD_USER_INPUT") {
    return new ProfilePullError("SOURCE_REFUSED_INPUT", `the source refused ${what}: ${said}${request}`);
  }
  if (code === "SUBGRAPH_UNAVAILABLE") {
    return new ProfilePullError("SOURCE_UNAVAILABLE", `the source of ${what} did not answer: ${said}${request}`);
  }
  return new ProfilePullError("GATEWAY_ERROR", `the gateway failed ${what}: ${code}: ${said}${request}`);
}

/**
 * What fetch says of a request that got no answer: the socket's error code (ECONNREFUSED, ...),
 * the timeout, or its message. Read by shape: errors of Node's own fetch may come from another realm.
 */
function whyUnanswered(error: unknown): string {
  const { name, message, cause } = (error ?? {}) as { name?: unknown; message?: unknown; cause?: unknown };
  const { code, errors } = (cause ?? {}) as { code?: unknown; errors?: { code?: unknown }[] };
  const socketCode = code ?? errors?.find((e) => e.code)?.code;
  if (typeof socketCode === "string" && socketCode) return socketCode;
  if (name === "TimeoutError") return "no answer in time";
  return typeof message === "string" && message ? message : String(error);
}
