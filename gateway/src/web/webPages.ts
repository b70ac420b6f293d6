/**
 * Serves the built browser pages (gateway/web/dist): the explorer at /explorer/, the audit console at
 * /audit/, the migration-profile report at /report/, their hashed assets at /assets/. Strict
 * Content-Security-Policy, index pages never cached.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import express from "express";

export const WEB_PAGES = ["explorer", "audit", "report"] as const;

/**
 * Same origin only. Monaco (GraphiQL's editor) needs: its language workers as module workers from
 * our origin or blob: URLs, inline style attributes, and data: URIs for its icon font and images.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

function securityHeaders(res: express.Response): void {
  res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
}

function notBuiltPage(page: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not built</title></head>
<body><h1>The ${page} page is not built</h1>
<p>The gateway serves the browser pages from <code>gateway/web/dist</code>, which does not hold them yet.
Run <code>npm run build</code> at the repository root (it builds the web app after the TypeScript projects),
then reload this page.</p></body></html>`;
}

export function webPages(webDir: string): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    securityHeaders(res);
    next();
  });
  router.get("/", (_req, res) => res.redirect(302, "/explorer/"));
  // Vite names assets by content hash: cache them for good.
  router.use(
    "/assets",
    express.static(path.join(webDir, "assets"), { immutable: true, maxAge: "365d", index: false }),
    (_req, res) => {
      res.status(404).type("text/plain").send("Not found");
    },
  );
  for (const page of WEB_PAGES) {
    const dir = path.join(webDir, page);
    router.use(
      `/${page}`,
      express.static(dir, {
        index: "index.html",
        setHeaders: (res, file) => {
          // A new build must reach the browser at once; index.html names the current assets.
          if (file.endsWith(".html")) res.setHeader("Cache-Control", "no-store");
        },
      }),
      (_req, res) => {
        res.setHeader("Cache-Control", "no-store");
        if (existsSync(path.join(dir, "index.html"))) res.status(404).type("text/plain").send("Not found");
        else res.status(404).type("html").send(notBuiltPage(page));
      },
    );
  }
  return router;
}
