/**
 * Demo sign-in for a local hub (HUB_DEMO_MODE=true): lists the personas and mints their tokens with
 * the development identity key, so the browser pages can sign in without an identity provider.
 * Off by default; with it off both endpoints answer 404.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import express from "express";
import type { Logger } from "pino";
import { ensureDevKey, loadSigningKey, type SigningKey } from "../auth/devKeys";
import { mintToken } from "../auth/mintToken";
import { isPersonaName, PERSONA_NAMES, PERSONAS, personaPrincipal, type Persona } from "../auth/personas";
import { DEFAULT_AUDIENCE, DEMO_ISSUER } from "../auth/identityConfig";
import type { GatewayConfig } from "../config";

/** Lifetime of a demo token: a working session, as `npm run token` gives by default. */
const DEMO_TOKEN_TTL_SECONDS = 3600;

/** The person `npm start` prints in its banner, from the seed marker of the local launcher, if any. */
function samplePersonRef(stateDir: string): string | null {
  try {
    const marker = JSON.parse(readFileSync(path.join(stateDir, "data", "seeded.json"), "utf8")) as {
      samplePersonRef?: unknown;
    };
    return typeof marker.samplePersonRef === "string" ? marker.samplePersonRef : null;
  } catch {
    return null;
  }
}

export function demoRoutes(config: GatewayConfig, log: Logger): express.Router {
  const router = express.Router();
  if (!config.demoMode) {
    router.use((_req, res) => {
      res.status(404).json({ error: "Demo mode is off." });
    });
    return router;
  }
  log.warn("demo mode: /demo/token mints persona tokens for anyone who asks; never enable it in production");
  let key: Promise<SigningKey> | undefined;
  // The development identity provider's key, the one whose public half HUB_JWKS names by default.
  const signingKey = () =>
    (key ??= ensureDevKey(path.join(config.stateDir, "keys"), "idp").then((files) => loadSigningKey(files.privateJwk)));

  router.get("/personas", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json({
      personas: PERSONA_NAMES.map((name) => {
        const p: Persona = PERSONAS[name];
        return {
          name,
          agency: p.agency,
          role: p.role,
          purposes: [...p.purposes],
          description: p.description,
          country: p.country ?? config.country,
        };
      }),
      samplePersonRef: samplePersonRef(config.stateDir),
    });
  });

  router.post("/token", express.json({ limit: "1kb" }), async (req, res, next) => {
    const persona: unknown = (req.body as { persona?: unknown } | undefined)?.persona;
    if (typeof persona !== "string" || !isPersonaName(persona)) {
      res.status(400).json({ error: `persona must be one of: ${PERSONA_NAMES.join(", ")}` });
      return;
    }
    try {
      const token = await mintToken(await signingKey(), personaPrincipal(persona, config.country), {
        issuer: DEMO_ISSUER,
        audience: DEFAULT_AUDIENCE,
        ttlSeconds: DEMO_TOKEN_TTL_SECONDS,
      });
      res.setHeader("Cache-Control", "no-store");
      res.json({ token });
    } catch (error) {
      next(error);
    }
  });

  router.use((_req, res) => {
    res.status(404).json({ error: "No such demo endpoint." });
  });
  return router;
}
