/** The pages' only way to the gateway: GraphQL over POST /graphql and the demo sign-in endpoints. */
import { getToken } from "./session";

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    rule?: string;
    article?: string;
    reason?: string;
    category?: string;
    owner?: string;
    hint?: string;
    /** Records a subgraph left out of a list under this rule. */
    withheld?: number;
    [key: string]: unknown;
  };
}

export interface GraphQLResult<T> {
  status: number;
  data: T | null;
  errors: GraphQLErrorShape[];
}

export interface RequestOptions {
  purpose: string;
  /** Partial mode (X-Hub-Partial): denied fields are removed, their errors come beside the data. */
  partial?: boolean;
  /** `<order reference>@<valid-until YYYY-MM-DD>`, for CRIMINAL_INVESTIGATION. */
  authorizationRef?: string;
  /** Defaults to the session token. */
  token?: string;
  signal?: AbortSignal;
}

/** The headers every call to /graphql carries (the explorer's fetcher uses them too). */
export function hubHeaders(options: Omit<RequestOptions, "signal">): Record<string, string> {
  const headers: Record<string, string> = {};
  const token = options.token ?? getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.purpose) headers["X-Purpose"] = options.purpose;
  if (options.partial) headers["X-Hub-Partial"] = "true";
  const ref = options.authorizationRef?.trim();
  if (ref) headers["X-Authorization-Ref"] = ref;
  return headers;
}

export async function graphql<T>(
  query: string,
  variables: Record<string, unknown> | undefined,
  options: RequestOptions,
): Promise<GraphQLResult<T>> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", ...hubHeaders(options) },
    body: JSON.stringify({ query, variables: variables ?? {} }),
    signal: options.signal,
  });
  let body: { data?: T | null; errors?: GraphQLErrorShape[] } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = { errors: [{ message: `The gateway answered ${response.status} without a GraphQL body.` }] };
  }
  return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
}

export interface DemoPersona {
  name: string;
  /** A domestic agency, or a foreign authority's id such as TR-PMM. */
  agency: string;
  /** The persona's country: the hub's own, or its foreign authority's. */
  country?: string;
  role: string;
  purposes: string[];
  description: string;
}

interface DemoInfo {
  personas: DemoPersona[];
  /** A person of the seeded demo data, for the examples (null when unknown). */
  samplePersonRef: string | null;
}

let demoInfo: Promise<DemoInfo | null> | undefined;

/** What /demo/personas answers, asked once per page; null when demo mode is off (404) or unreachable. */
function loadDemoInfo(): Promise<DemoInfo | null> {
  demoInfo ??= fetch("/demo/personas", { headers: { Accept: "application/json" } })
    .then(async (response) => {
      if (response.status !== 200) return null;
      const body = (await response.json()) as Partial<DemoInfo>;
      return { personas: body.personas ?? [], samplePersonRef: body.samplePersonRef ?? null };
    })
    .catch(() => null);
  return demoInfo;
}

/** The demo personas, or null when the gateway's demo mode is off (404) or unreachable. */
export async function demoPersonas(): Promise<DemoPersona[] | null> {
  return (await loadDemoInfo())?.personas ?? null;
}

/** A personRef of the seeded demo data (for the examples), or null. */
export async function demoSamplePersonRef(): Promise<string | null> {
  return (await loadDemoInfo())?.samplePersonRef ?? null;
}

/** A token for a demo persona, minted by the gateway's development identity key. */
export async function demoToken(persona: string): Promise<string> {
  const response = await fetch("/demo/token", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ persona }),
  });
  if (!response.ok) throw new Error(`Demo sign-in failed (HTTP ${response.status}).`);
  const body = (await response.json()) as { token?: string };
  if (!body.token) throw new Error("Demo sign-in returned no token.");
  return body.token;
}
