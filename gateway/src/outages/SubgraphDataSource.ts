/**
 * A subgraph as the gateway calls it: Apollo's remote data source whose transport failures
 * (subgraphFetcher.ts) become SUBGRAPH_UNAVAILABLE, naming the subgraph, the agency it serves and
 * the response paths its answer would have filled. Apollo Gateway keeps the other subgraphs' data
 * beside that error; the outage is logged once per interval (OutageLog), never per request.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { GraphQLError, Kind, parse, type DocumentNode, type SelectionSetNode } from "graphql";
import { AGENCY_TITLES, SUBGRAPHS, type SubgraphName } from "@hub/contracts";
import type { ExecutionContext } from "../execution/ExecutionRecorder";
import type { OutageLog } from "./OutageLog";
import { SubgraphOutage } from "./subgraphFetcher";

type Options = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource<ExecutionContext>>[0]>;

/** Response keys a selection set fills, looking through inline fragments (entity fetches use them). */
function responseKeys(selectionSet: SelectionSetNode): string[] {
  return selectionSet.selections.flatMap((s) => {
    if (s.kind === Kind.INLINE_FRAGMENT) return responseKeys(s.selectionSet);
    if (s.kind !== Kind.FIELD || s.name.value === "__typename") return [];
    return [s.alias?.value ?? s.name.value];
  });
}

/** The paths in the caller's response that a subgraph fetch would have filled. */
export function affectedPaths(document: DocumentNode | undefined, at: readonly (string | number)[]): string[][] {
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [at.map(String)];
  const root = operation.selectionSet.selections;
  const entities =
    root.length === 1 && root[0]?.kind === Kind.FIELD && root[0].name.value === "_entities" ? root[0] : undefined;
  const keys = entities?.selectionSet ? responseKeys(entities.selectionSet) : responseKeys(operation.selectionSet);
  return [...new Set(keys)].map((key) => [...at.map(String), key]);
}

/** The fetch's operation, when Apollo did not keep its parsed form (parsed only on this failure path). */
function parsed(query: string | undefined): DocumentNode | undefined {
  try {
    return query ? parse(query) : undefined;
  } catch {
    return undefined;
  }
}

export function subgraphUnavailable(subgraph: SubgraphName, paths: string[][]): GraphQLError {
  const agency = SUBGRAPHS[subgraph];
  const where = paths.map((p) => p.join(".")).join(", ");
  const single = paths.length === 1 && paths[0] && !paths[0].includes("@") ? paths[0] : undefined;
  return new GraphQLError(
    `The ${AGENCY_TITLES[agency]} service (${subgraph}) is unavailable; its data is missing from this answer${where ? ` at ${where}` : ""}. The other agencies' data is served; retry shortly.`,
    {
      ...(single ? { path: single } : {}),
      extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph, agency, agencyName: AGENCY_TITLES[agency], paths },
    },
  );
}

export class SubgraphDataSource extends RemoteGraphQLDataSource<ExecutionContext> {
  constructor(
    private readonly subgraph: SubgraphName,
    private readonly outages: OutageLog,
    options: Options,
  ) {
    super(options);
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<ExecutionContext>,
  ): ReturnType<RemoteGraphQLDataSource<ExecutionContext>["process"]> {
    try {
      const response = await super.process(options);
      this.outages.answered(this.subgraph);
      return response;
    } catch (error) {
      if (!(error instanceof SubgraphOutage)) throw error;
      this.outages.failed(this.subgraph, error.reason);
      // Only a caller's operation has paths; Apollo's own health checks and schema loads have none.
      const document = "document" in options ? (options.document ?? parsed(options.request.query)) : undefined;
      const at = "pathInIncomingRequest" in options ? (options.pathInIncomingRequest ?? []) : [];
      throw subgraphUnavailable(this.subgraph, affectedPaths(document, at));
    }
  }
}
