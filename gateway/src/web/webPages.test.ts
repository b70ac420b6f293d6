import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import express from "express";
import { webPages } from "./webPages";

const webDir = mkdtempSync(path.join(os.tmpdir(), "hub-web-"));
let base: string;
let server: http.Server;

beforeAll(async () => {
  // A build with the explorer only: the audit console and the report are "not built".
  mkdirSync(path.join(webDir, "explorer"));
  mkdirSync(path.join(webDir, "assets"));
  writeFileSync(path.join(webDir, "explorer", "index.html"), "<!doctype html><title>explorer</title>");
  writeFileSync(path.join(webDir, "assets", "explorer-abc123.js"), "export {};");
  const app = express();
  app.use(webPages(webDir));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(webDir, { recursive: true, force: true });
});

describe("web pages", () => {
  it("serves a page's index under a strict Content-Security-Policy, never cached", async () => {
    const res = await fetch(`${base}/explorer/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<title>explorer</title>");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("redirects the page without its slash", async () => {
    const res = await fetch(`${base}/explorer`, { redirect: "manual" });
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe("/explorer/");
  });

  it("caches hashed assets for good", async () => {
    const res = await fetch(`${base}/assets/explorer-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  });

  it("answers a page that is not built with a 404 that says how to build it", async () => {
    for (const page of ["audit", "report"]) {
      const res = await fetch(`${base}/${page}/`);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(await res.text()).toContain(`The ${page} page is not built`);
    }
  });
});
