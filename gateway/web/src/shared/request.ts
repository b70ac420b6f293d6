/** Calls to the hub through the gateway (the auditor console, the report page), with any refusal turned into one explainable problem. */
import { graphql, type GraphQLErrorShape } from "./api";

export interface Problem {
  /** The gateway's `extensions.code`, or NETWORK when it could not be reached. */
  code: string;
  status: number;
  message: string;
  rule?: string;
  article?: string;
  reason?: string;
}

export type Answer<T> = { ok: true; data: T } | { ok: false; problem: Problem };

function problemOf(status: number, error: GraphQLErrorShape | undefined): Problem {
  const ext = error?.extensions ?? {};
  return {
    code: typeof ext.code === "string" ? ext.code : status >= 500 ? "INTERNAL_SERVER_ERROR" : "UNKNOWN",
    status,
    message: error?.message ?? `The gateway answered ${status} without data.`,
    rule: ext.rule,
    article: ext.article,
    reason: ext.reason,
  };
}

export const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

/** Any error makes the whole answer a problem: a page never shows half an answer. */
export async function ask<T>(
  query: string,
  variables: Record<string, unknown>,
  purpose: string,
  signal?: AbortSignal,
): Promise<Answer<T>> {
  try {
    const result = await graphql<T>(query, variables, { purpose, signal });
    if (result.errors.length > 0 || !result.data)
      return { ok: false, problem: problemOf(result.status, result.errors[0]) };
    return { ok: true, data: result.data };
  } catch (error) {
    if (isAbort(error)) throw error;
    return {
      ok: false,
      problem: {
        code: "NETWORK",
        status: 0,
        message: "The gateway cannot be reached. Check the connection and retry.",
      },
    };
  }
}

/** Refusals that concern the caller, not the request: the page explains who it is for. */
export const isAccessProblem = (p: Problem) =>
  ["FORBIDDEN", "PURPOSE_NOT_ALLOWED", "PURPOSE_REQUIRED", "UNAUTHENTICATED"].includes(p.code);
