/**
 * `/healthz` (the process is alive and serving HTTP) and `/readyz` (it can answer requests: the
 * policy set, the identity provider's keys, the supergraph, the audit store and each subgraph,
 * every check named in the answer; 503 when one fails; `?exclude=subgraphs` leaves the subgraphs
 * out, for a load balancer). `/health` stays as an alias of
 * `/healthz` for existing callers (docs/decisions/0006-health-and-readiness.md).
 */
import { createHash } from "node:crypto";
import express from "express";
import { Client } from "pg";
import { createReadinessProbe, SUBGRAPH_NAMES, type SubgraphName } from "@hub/contracts";
import type { TrustedIssuers } from "../auth/TrustedIssuers";
import type { GatewayConfig } from "../config";

/**
 * What the gateway loaded at start. The policy set and the supergraph are in memory once the
 * gateway listens (a start without them fails), so their checks name the versions served.
 */
export interface GatewayReadiness {
  config: GatewayConfig;
  policyVersion: string;
  supergraphSdl: string;
  issuers: TrustedIssuers;
}

/** The subgraph addresses the supergraph records (each overridden by its <NAME>_URL). */
function supergraphUrls(sdl: string): Partial<Record<SubgraphName, string>> {
  const urls = [...sdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)];
  return Object.fromEntries(urls.map((m) => [m[1], m[2]]));
}

/** Each check is bounded by this; a probe never waits on a hung dependency longer. */
export const READY_CHECK_TIMEOUT_MS = 2000;

/**
 * The keys of every trusted issuer: usable (fresh, or stale within its bound) or not. Asking
 * starts a refresh where one is due, so a provider that came back makes the gateway ready again.
 */
async function identityProviderKeys(issuers: TrustedIssuers): Promise<string> {
  const statuses = issuers.status();
  const unusable = statuses.filter((s) => s.state === "unavailable");
  if (unusable.length > 0) {
    throw new Error(unusable.map((s) => `${s.issuer}: ${s.lastError ?? "no keys"}`).join("; "));
  }
  return statuses
    .map((s) => {
      const stale =
        s.state === "stale" ? `, stale: fetched ${s.fetchedAt ?? "never"}, ${s.lastError ?? "refresh failed"}` : "";
      return `${s.issuer}: ${s.keyIds.length} key(s)${stale}`;
    })
    .join("; ");
}

async function auditStore(databaseUrl: string, timeoutMs: number): Promise<string> {
  // Its own short-lived connection: the probe must not queue behind the writer's pool.
  const db = new Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
  });
  db.on("error", () => undefined);
  try {
    await db.connect();
    await db.query("SELECT 1");
    return "answers";
  } catch {
    throw new Error("the audit store does not answer");
  } finally {
    void db.end().catch(() => undefined);
  }
}

async function subgraphReady(url: string | undefined, signal: AbortSignal): Promise<string> {
  if (!url) throw new Error("no address in the supergraph");
  let response: Response;
  try {
    response = await fetch(new URL("readyz", url), { signal });
  } catch {
    throw new Error("unreachable");
  }
  await response.body?.cancel();
  if (!response.ok) throw new Error(`not ready (HTTP ${response.status})`);
  return "ready";
}

export function healthRoutes(ready: GatewayReadiness): express.Router {
  const router = express.Router();
  const supergraph = createHash("sha256").update(ready.supergraphSdl).digest("hex").slice(0, 12);
  const urls = { ...supergraphUrls(ready.supergraphSdl), ...ready.config.subgraphUrls };
  const alive: express.RequestHandler = (_req, res) => void res.json({ status: "ok" });
  router.get("/healthz", alive);
  router.get("/health", alive);
  const { config } = ready;
  const own = {
    policies: async () => ready.policyVersion,
    keys: () => identityProviderKeys(ready.issuers),
    supergraph: async () => supergraph,
    "audit-store": () => auditStore(config.audit.databaseUrl, READY_CHECK_TIMEOUT_MS),
  };
  const subgraphs = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [`subgraph:${name}`, (signal: AbortSignal) => subgraphReady(urls[name], signal)]),
  );
  const probes = {
    all: createReadinessProbe({ ...own, ...subgraphs }, READY_CHECK_TIMEOUT_MS),
    // A load balancer's probe: one agency down must not take every gateway out of service, since
    // the others' data is still served (decision 0006); without its own checks no data may leave.
    own: createReadinessProbe(own, READY_CHECK_TIMEOUT_MS),
  };
  router.get("/readyz", (req, res) => {
    const exclude = req.query.exclude;
    if (exclude !== undefined && exclude !== "subgraphs") {
      res.status(400).json({ error: "exclude takes one value: subgraphs" });
      return;
    }
    const probe = exclude === "subgraphs" ? probes.own : probes.all;
    void probe().then((result) => res.status(result.status === "ready" ? 200 : 503).json(result));
  });
  return router;
}
