import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { tracingRequested } from "./startTelemetry";

/** Whether a fresh Node process that starts telemetry with this environment has loaded the SDK (built dist). */
function loadsSdk(env: Record<string, string>): boolean {
  const entry = path.resolve(__dirname, "../dist/startTelemetry.js");
  const script = `const t = require(${JSON.stringify(entry)}).startTelemetry("probe", ${JSON.stringify(env)});
    process.stdout.write(String(Object.keys(require.cache).some((f) => f.includes("@opentelemetry/sdk-node"))));
    t?.shutdown();`;
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }) === "true";
}

describe("startTelemetry", () => {
  it("loads no SDK without an OTLP endpoint, and does with one", () => {
    expect(loadsSdk({})).toBe(false);
    expect(loadsSdk({ OTEL_EXPORTER_OTLP_ENDPOINT: "  " })).toBe(false);
    expect(loadsSdk({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:9" })).toBe(true);
  });

  it("is asked for by either endpoint variable, and OTEL_SDK_DISABLED overrides both", () => {
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/v1/traces" })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SDK_DISABLED: "TRUE" })).toBe(
      false,
    );
  });
});
