/**
 * The benchmark's baseline: a bare Apollo Gateway on the hub's supergraph and the same running
 * subgraphs, with no authentication, policy decision or audit. It adds only what the subgraphs
 * require to answer at all, a hub-context token per subgraph and operation (the subgraphs check
 * its `op` binding), signed with the gateway's key for a principal allowed to see the data
 * (chosen by the request's X-Purpose) the first time that operation is sent and again at half its lifetime: the benchmark's operations repeat, so the baseline signs almost never.
 */
import { readFileSync } from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { z } from "zod";
import {
  HUB_CONTEXT_HEADER,
  HUB_CONTEXT_TTL_DEFAULT_SECONDS,
  hubContextOperationHash,
  parseEnv,
  principalSchema,
  PURPOSES,
  SUBGRAPH_NAMES,
  type SubgraphOperation,
} from "@hub/contracts";
import { createHubContextSigner, loadSigningKey } from "@hub/gateway";

const callerSchema = z.array(z.object({ purpose: z.enum(PURPOSES), principal: principalSchema })).min(1);

/** The subgraphs' default token lifetime (they refuse longer ones); re-signed at half of it. */
const TOKEN_TTL_SECONDS = HUB_CONTEXT_TTL_DEFAULT_SECONDS;
const RESIGN_MS = (TOKEN_TTL_SECONDS * 1000) / 2;

interface BareContext {
  purpose: string;
}

function loadBareConfig(env: NodeJS.ProcessEnv) {
  const schema = z.object({
    PORT: z.coerce.number().int().min(1).max(65535),
    HUB_SUPERGRAPH: z.string().min(1),
    HUB_CONTEXT_KEY: z.string().min(1),
    /** JSON: [{ purpose, principal }], the callers whose context the gateway signs. */
    BENCH_CALLERS: z.string().min(2),
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [urlVariable(name), z.string().url()])),
  });
  const c = parseEnv(schema, env) as Record<string, unknown> & z.infer<typeof schema>;
  return {
    port: c.PORT,
    supergraphSdl: readFileSync(c.HUB_SUPERGRAPH, "utf8"),
    keyPath: c.HUB_CONTEXT_KEY,
    callers: callerSchema.parse(JSON.parse(c.BENCH_CALLERS)),
    urls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, String(c[urlVariable(name)])])),
  };
}

function urlVariable(name: string): string {
  return `${name.toUpperCase().replace(/-/g, "_")}_URL`;
}

async function main(): Promise<void> {
  const config = loadBareConfig(process.env);
  const sign = createHubContextSigner(await loadSigningKey(config.keyPath), TOKEN_TTL_SECONDS);
  const tokens = new Map<string, { token: Promise<string>; signedAt: number }>();
  const tokenFor = (subgraph: string, purpose: string, operation: SubgraphOperation) => {
    const caller = config.callers.find((c) => c.purpose === purpose);
    if (!caller) return undefined;
    const key = `${purpose}|${subgraph}|${hubContextOperationHash(operation)}`;
    const cached = tokens.get(key);
    if (cached && Date.now() - cached.signedAt < RESIGN_MS) return cached.token;
    const token = sign(
      subgraph,
      { principal: caller.principal, purpose: caller.purpose, requestId: "bench-bare" },
      operation,
    );
    tokens.set(key, { token, signedAt: Date.now() });
    return token;
  };

  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<BareContext>({
        url: config.urls[name] ?? url,
        async willSendRequest({ request, context }) {
          const token = tokenFor(name, context.purpose, {
            query: request.query ?? "",
            operationName: request.operationName ?? null,
            variables: request.variables ?? null,
          });
          if (token) request.http?.headers.set(HUB_CONTEXT_HEADER, await token);
        },
      }),
  });
  const server = new ApolloServer<BareContext>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: config.port, host: "127.0.0.1" },
    context: async ({ req }) => ({ purpose: String(req.headers["x-purpose"] ?? "") }),
  });
  process.stdout.write(`bare gateway ready at ${url}\n`);
  const stop = () => void server.stop().finally(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
