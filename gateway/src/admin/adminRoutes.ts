/**
 * The operator's commands on the gateway's trust in identity provider keys (`npm run identity`):
 * see each issuer's keys, fetch them again now, distrust a key id. Each command is authenticated
 * with the operator secret (HUB_ADMIN_KEY), names the operator, and is audited with what it did.
 * Both only narrow or renew trust (never beyond what the provider publishes), so an action is
 * taken even when its record then cannot be written; the operator is told so (503) and the log says it.
 */
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import express from "express";
import type { Logger } from "pino";
import { z } from "zod";
import type { TrustedIssuers } from "../auth/TrustedIssuers";
import { administrationEvent, type Administration } from "../audit/buildAuditEvent";
import type { AuditTrail } from "../audit/auditTrail";
import { MAX_DISTRUSTED_KEY_ID_CHARS, type KeyDistrustStore } from "./KeyDistrustStore";

/** What an administration record names as the issuer of a command on every trusted issuer. */
const ALL_ISSUERS = "*";

/** Shortest accepted operator secret (the generated one is 43 characters). */
const MIN_ADMIN_KEY_LENGTH = 32;

export interface AdminDependencies {
  adminKeyPath: string;
  issuers: TrustedIssuers;
  distrusts: KeyDistrustStore;
  trail: AuditTrail;
  log: Logger;
}

const operatorName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._@-]{1,100}$/, "must be the operator's name or id (letters, digits, . _ @ -)");
const refreshBody = z.object({ operator: operatorName, issuer: z.string().max(500).optional() }).strict();
const distrustBody = z
  .object({
    operator: operatorName,
    issuer: z.string().max(500),
    keyId: z.string().min(1).max(MAX_DISTRUSTED_KEY_ID_CHARS),
    reason: z.string().trim().min(3, "say why (at least 3 characters)").max(500),
  })
  .strict();

function readAdminKey(file: string, log: Logger): Buffer | undefined {
  let secret: string;
  try {
    secret = readFileSync(file, "utf8").trim();
  } catch {
    log.info({ file }, "no operator secret (HUB_ADMIN_KEY): the /admin commands are off");
    return undefined;
  }
  if (secret.length < MIN_ADMIN_KEY_LENGTH) {
    throw new Error(
      `The operator secret (HUB_ADMIN_KEY) at ${file} is shorter than ${MIN_ADMIN_KEY_LENGTH} characters`,
    );
  }
  return createHash("sha256").update(secret).digest();
}

const problem = (res: express.Response, status: number, code: string, message: string) =>
  void res.status(status).json({ error: { code, message } });

export function adminRoutes(deps: AdminDependencies): express.Router {
  const router = express.Router();
  const key = readAdminKey(deps.adminKeyPath, deps.log);
  router.use((req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    if (!key) return problem(res, 404, "NOT_FOUND", "The operator commands are off (no HUB_ADMIN_KEY).");
    const [scheme, given = ""] = (req.headers.authorization ?? "").split(" ");
    const digest = createHash("sha256").update(given.trim()).digest();
    if (scheme?.toLowerCase() !== "bearer" || !timingSafeEqual(digest, key)) {
      // The path is the caller's text: a bounded part of it, so a refused request cannot fill the log.
      deps.log.warn({ path: req.path.slice(0, 100) }, "operator command refused: wrong or missing operator secret");
      return problem(res, 401, "UNAUTHENTICATED", "The operator secret is required (Authorization: Bearer <secret>).");
    }
    next();
  });
  router.use(express.json({ limit: "4kb" }));

  router.get("/identity", (_req, res) => void res.json({ issuers: deps.issuers.status() }));

  /** Takes the action, then appends its audit record with the result. */
  const audited = async (res: express.Response, action: Administration, act: (eventId: string) => Promise<string>) => {
    const eventId = randomUUID();
    let result: string;
    try {
      result = await act(eventId);
    } catch (error) {
      return problem(res, 503, "AUDIT_UNAVAILABLE", (error as Error).message);
    }
    try {
      await deps.trail.writer.append(administrationEvent({ ...action, result }, eventId, deps.trail));
    } catch {
      deps.log.error({ action: action.action, issuer: action.issuer }, "operator command done but not audited");
      return problem(res, 503, "AUDIT_UNAVAILABLE", `Done (${result}), but the audit log could not be written.`);
    }
    deps.log.warn({ ...action, result, eventId }, "operator command");
    res.json({ eventId, result, issuers: deps.issuers.status() });
  };

  router.post("/identity/refresh", async (req, res) => {
    const body = refreshBody.safeParse(req.body ?? {});
    if (!body.success) return problem(res, 400, "BAD_REQUEST", body.error.issues[0]?.message ?? "bad request");
    const targets = body.data.issuer ? [deps.issuers.get(body.data.issuer)] : deps.issuers.all;
    if (targets.some((t) => t === undefined)) return problem(res, 404, "NOT_FOUND", "No such trusted issuer.");
    await audited(
      res,
      {
        action: "refresh-keys",
        issuer: body.data.issuer ?? ALL_ISSUERS,
        keyId: null,
        reason: null,
        operator: body.data.operator,
      },
      async () => {
        const statuses = await Promise.all(targets.map((t) => t!.keys.refresh()));
        return statuses.map((s) => `${s.issuer}: ${s.state}, ${s.keyIds.length} key(s)`).join("; ");
      },
    );
  });

  router.post("/identity/distrust", async (req, res) => {
    const body = distrustBody.safeParse(req.body ?? {});
    if (!body.success) return problem(res, 400, "BAD_REQUEST", body.error.issues[0]?.message ?? "bad request");
    const { issuer, keyId, reason, operator } = body.data;
    const trusted = deps.issuers.get(issuer);
    if (!trusted) return problem(res, 404, "NOT_FOUND", "No such trusted issuer.");
    await audited(res, { action: "distrust-key", issuer, keyId, reason, operator }, async (eventId) => {
      try {
        await deps.distrusts.add({ issuer, keyId, operator, reason, eventId });
      } catch {
        throw new Error("The distrust cannot be stored in the audit database; nothing was changed.");
      }
      trusted.keys.distrust(keyId);
      const published = trusted.keys.status().keyIds.includes(keyId);
      return published ? `key ${keyId} distrusted (still published by the provider)` : `key ${keyId} distrusted`;
    });
  });

  return router;
}
