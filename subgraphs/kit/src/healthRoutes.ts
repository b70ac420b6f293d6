/**
 * A subgraph's `/healthz` (alive) and `/readyz` (its database answers, its policy set is loaded,
 * the gateway's hub-context keys are readable; each check named, 503 when one fails). `/health`
 * stays as an alias of `/healthz` (docs/decisions/0006-health-and-readiness.md).
 */
import express from "express";
import type { DataSource } from "typeorm";
import { createReadinessProbe } from "@hub/contracts";
import type { PolicyDecisionPoint } from "@hub/policies";
import { loadJwks } from "./verifyHubContext";

/** Each check is bounded by this; a probe never waits on a hung database longer. */
const READY_CHECK_TIMEOUT_MS = 2000;

export function healthRoutes(subgraph: string, dataSource: DataSource, pdp: PolicyDecisionPoint, jwksPath: string) {
  const router = express.Router();
  const alive: express.RequestHandler = (_req, res) => void res.json({ status: "ok", subgraph });
  router.get("/healthz", alive);
  router.get("/health", alive);
  const probe = createReadinessProbe(
    {
      database: async () => {
        try {
          await dataSource.query("SELECT 1");
        } catch {
          throw new Error("the database does not answer");
        }
        return "answers";
      },
      policies: async () => pdp.version,
      keys: async () => `${loadJwks(jwksPath).keys.length} hub-context key(s)`,
    },
    READY_CHECK_TIMEOUT_MS,
  );
  router.get("/readyz", (_req, res) => {
    void probe().then((result) => res.status(result.status === "ready" ? 200 : 503).json({ subgraph, ...result }));
  });
  return router;
}
