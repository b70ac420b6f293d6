/**
 * GraphiQL's fetcher for the hub: createGraphiQLFetcher over POST /graphql, with the session's
 * headers (token, purpose, partial mode, authorisation reference) read at each request, and each
 * operation's outcome (HTTP status and errors) reported to the denials panel.
 */
import { createGraphiQLFetcher, type Fetcher } from "@graphiql/toolkit";
import { Kind, parse } from "graphql";
import { hubHeaders, type GraphQLErrorShape, type RequestOptions } from "../shared/api";

export interface Outcome {
  status: number;
  errors: GraphQLErrorShape[];
  hasData: boolean;
  /** The answer as the gateway sent it, provenance included (the provenance panel checks it). */
  answer: unknown;
}

export type Report =
  | { kind: "started" }
  | { kind: "finished"; outcome: Outcome }
  | { kind: "failed"; message: string }
  /** The schema (introspection) answer: `problem` says why the docs are empty, null when they are not. */
  | { kind: "schema"; problem: string | null };

type Body = { data?: unknown; errors?: GraphQLErrorShape[]; extensions?: Record<string, unknown> };

/** The answer GraphiQL shows: the data and errors, without the signatures the provenance panel checks. */
function shown(body: Body): Body {
  if (!body.extensions || !("provenance" in body.extensions)) return body;
  const { provenance: _provenance, ...extensions } = body.extensions;
  const { extensions: _all, ...rest } = body;
  return Object.keys(extensions).length > 0 ? { ...rest, extensions } : rest;
}

function schemaProblem(status: number, body: Body): string | null {
  if (status === 200 && body.data) return null;
  const first = body.errors?.[0];
  const code = first?.extensions?.code;
  if (code === "UNAUTHENTICATED") return "The hub did not accept your token (expired?): sign out and sign in again.";
  return `The hub did not give your schema (HTTP ${status}${code ? `, ${code}` : ""}): ${first?.message ?? "no reason"}`;
}

function isIntrospection(body: BodyInit | null | undefined): boolean {
  if (typeof body !== "string") return false;
  try {
    return (JSON.parse(body) as { operationName?: string }).operationName === "IntrospectionQuery";
  } catch {
    return false;
  }
}

/**
 * GraphiQL updates the operation name 100 ms after an edit; a run right after loading an example
 * would send the previous one. With a single operation in the document, its own name is the one.
 */
export function currentOperationName(query: string, name: string | null | undefined): string | null | undefined {
  try {
    const names = parse(query).definitions.flatMap((d) =>
      d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? null] : [],
    );
    if (name && names.includes(name)) return name;
    return names.length === 1 ? names[0] : name;
  } catch {
    return name;
  }
}

export function createHubFetcher(
  current: () => Omit<RequestOptions, "signal">,
  report: (event: Report) => void,
): Fetcher {
  const hubFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    // The session's headers win over anything else (GraphiQL's header editor is off).
    for (const [name, value] of Object.entries(hubHeaders(current()))) headers.set(name, value);
    const response = await fetch(input, { ...init, headers });
    const introspection = isIntrospection(init?.body);
    let body: Body;
    try {
      body = (await response.clone().json()) as Body;
    } catch {
      const message = `The gateway answered HTTP ${response.status} without JSON.`;
      report(introspection ? { kind: "schema", problem: message } : { kind: "failed", message });
      return response;
    }
    report(
      introspection
        ? { kind: "schema", problem: schemaProblem(response.status, body) }
        : {
            kind: "finished",
            outcome: {
              status: response.status,
              errors: body.errors ?? [],
              hasData: body.data !== undefined && body.data !== null,
              answer: body,
            },
          },
    );
    const { status, statusText } = response;
    return new Response(JSON.stringify(shown(body)), {
      status,
      statusText,
      headers: { "content-type": response.headers.get("content-type") ?? "application/json" },
    });
  };
  const fetcher = createGraphiQLFetcher({ url: "/graphql", fetch: hubFetch, enableIncrementalDelivery: false });
  return async (params, options) => {
    const introspection = params.operationName === "IntrospectionQuery";
    if (!introspection) report({ kind: "started" });
    try {
      return await fetcher(
        { ...params, operationName: currentOperationName(params.query, params.operationName) },
        options,
      );
    } catch (error) {
      if (!introspection)
        report({ kind: "failed", message: `The gateway could not be reached: ${(error as Error).message}` });
      throw error;
    }
  };
}
