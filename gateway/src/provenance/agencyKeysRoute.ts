/**
 * GET /provenance/keys: every agency's published provenance key set, read from each subgraph's
 * /.well-known/jwks.json, for the explorer to verify answers in the browser. A convenience, not
 * a trust anchor: an independent check uses the agencies' own key sets (docs/provenance.md).
 */
import express from "express";
import type { Logger } from "pino";
import {
  GATEWAY_PROVENANCE_KEYS_PATH,
  parseKeySets,
  PROVENANCE_KEYS_PATH,
  SUBGRAPH_NAMES,
  type AgencyKeySet,
  type SubgraphName,
} from "@hub/contracts";

const FETCH_TIMEOUT_MS = 2000;
/** Keys change only by rotation: the explorer asks once per page, subgraphs are asked at most this often. */
const CACHE_MS = 30_000;

function supergraphUrls(sdl: string): Partial<Record<string, string>> {
  const urls = [...sdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)];
  return Object.fromEntries(urls.map((m) => [m[1], m[2]]));
}

async function keySetOf(graphqlUrl: string): Promise<AgencyKeySet[]> {
  const res = await fetch(new URL(PROVENANCE_KEYS_PATH, graphqlUrl), {
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    redirect: "error",
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return parseKeySets(await res.json());
}

export function agencyKeysRoute(
  supergraphSdl: string,
  overrides: Partial<Record<SubgraphName, string>>,
  log: Logger,
): express.Router {
  const urls = { ...supergraphUrls(supergraphSdl), ...overrides };
  let cached: { at: number; body: { agencies: AgencyKeySet[]; unavailable: string[] } } | undefined;
  const load = async () => {
    const agencies: AgencyKeySet[] = [];
    const unavailable: string[] = [];
    await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => {
        const url = urls[name];
        try {
          if (!url) throw new Error("no URL");
          const sets = await keySetOf(url);
          // A subgraph publishes its own keys only; another agency's set from it is not taken.
          agencies.push(...sets.filter((s) => s.subgraph === name));
        } catch (error) {
          log.warn({ subgraph: name, error: (error as Error).message }, "provenance keys not readable");
          unavailable.push(name);
        }
      }),
    );
    agencies.sort((a, b) => a.subgraph.localeCompare(b.subgraph));
    return { agencies, unavailable: unavailable.sort() };
  };
  const router = express.Router();
  router.get(GATEWAY_PROVENANCE_KEYS_PATH, (_req, res) => {
    const now = Date.now();
    const fresh = cached && now - cached.at < CACHE_MS && cached.body.unavailable.length === 0 ? cached : undefined;
    void (fresh ? Promise.resolve(fresh.body) : load()).then((body) => {
      cached = { at: now, body };
      res.setHeader("cache-control", "no-store");
      res.json(body);
    });
  });
  return router;
}
