import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createSubgraphFetcher, SubgraphOutage } from "./subgraphFetcher";

describe("createSubgraphFetcher", () => {
  let server: http.Server;
  let origin = "";
  beforeAll(async () => {
    // A real HTTP server: answers, fails with 503, or never answers, by path.
    server = http.createServer((req, res) => {
      if (req.url === "/stall") return;
      if (req.url === "/stall-body")
        return void res.writeHead(200, { "content-type": "application/json" }).write('{"da');
      if (req.url === "/echo") {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () =>
          res
            .writeHead(200, { "content-type": "application/json" })
            .end(JSON.stringify({ header: req.headers["x-hub-context"], body: Buffer.concat(chunks).toString() })),
        );
        return;
      }
      if (req.url === "/down") return void res.writeHead(503).end("unavailable");
      res.writeHead(200, { "content-type": "application/json" }).end('{"data":{"ok":true}}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const reasonOf = (call: Promise<unknown>) =>
    call.then(
      () => "answered",
      (error: unknown) => (error instanceof SubgraphOutage ? error.reason : `other: ${String(error)}`),
    );

  it("passes an answer through with its status, headers and body", async () => {
    const response = await createSubgraphFetcher(1000)(`${origin}/graphql`, { method: "POST", body: "{}" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    await expect(response.json()).resolves.toEqual({ data: { ok: true } });
  });

  it("sends the body and headers it is given, whole (multi-byte characters included)", async () => {
    const body = JSON.stringify({ query: "{ a }", variables: { name: "Łukasz Ünal 🙂" } });
    const response = await createSubgraphFetcher(1000)(`${origin}/echo`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-context": "token" },
      body,
    });
    await expect(response.json()).resolves.toEqual({ header: "token", body });
  });

  it("turns an answer that stalls after its headers into a timeout", async () => {
    const started = Date.now();
    await expect(
      reasonOf(createSubgraphFetcher(300)(`${origin}/stall-body`, { method: "POST", body: "{}" })),
    ).resolves.toBe("timeout");
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("turns a timeout, a 5xx answer and a refused connection into an outage with a short reason", async () => {
    const fetcher = createSubgraphFetcher(300);
    const started = Date.now();
    await expect(reasonOf(fetcher(`${origin}/stall`))).resolves.toBe("timeout");
    expect(Date.now() - started).toBeLessThan(1500);
    await expect(reasonOf(fetcher(`${origin}/down`))).resolves.toBe("HTTP 503");
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(reasonOf(fetcher(`http://127.0.0.1:${port}/graphql`))).resolves.toBe("ECONNREFUSED");
  });

  it("sends a request again when the kept-alive socket it went out on was closed under it, once", async () => {
    // Each socket's second request is cut off unanswered: the race of an idle timeout with reuse.
    const served = new WeakMap<object, number>();
    let requests = 0;
    const closing = http.createServer((req, res) => {
      requests += 1;
      const count = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, count);
      if (count === 2) return void req.socket.destroy();
      res.writeHead(200, { "content-type": "application/json" }).end('{"data":{"ok":true}}');
    });
    await new Promise<void>((resolve) => closing.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closing.address() as AddressInfo).port}/graphql`;
    try {
      const fetcher = createSubgraphFetcher(2000);
      expect((await fetcher(url, { method: "POST", body: "{}" })).status).toBe(200);
      const again = await fetcher(url, { method: "POST", body: "{}" });
      expect(again.status).toBe(200);
      expect(requests).toBe(3);
    } finally {
      closing.closeAllConnections();
      await new Promise((resolve) => closing.close(resolve));
    }
  });
});
