/**
 * OpenTelemetry tracing for one hub process, started by the first import of its main.ts (before
 * the modules it instruments are loaded), and only when an OTLP endpoint is configured: without
 * `OTEL_EXPORTER_OTLP_ENDPOINT` no SDK module is even loaded. The OTEL_* variables are the
 * OpenTelemetry SDK's own (the exporter reads its endpoint, headers and timeout from them), so they
 * are read here rather than in the process's loadConfig, which runs after the modules are loaded.
 */
// A type only: the module itself is required below, and only when tracing is asked for.
import type { createTracingSdk as CreateTracingSdk } from "./createTracingSdk";

const SHUTDOWN_MS = 2000;

export interface Telemetry {
  /** Exports the spans still buffered (for at most two seconds), then stops. */
  shutdown: () => Promise<void>;
}

export interface TelemetryEnvironment {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string | undefined;
  OTEL_SERVICE_NAME?: string | undefined;
  OTEL_SDK_DISABLED?: string | undefined;
}

/** Whether the environment asks for traces at all. */
export function tracingRequested(env: TelemetryEnvironment): boolean {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return Boolean(endpoint) && env.OTEL_SDK_DISABLED?.trim().toLowerCase() !== "true";
}

/** Starts tracing as `serviceName` (unless OTEL_SERVICE_NAME names the process); undefined when not configured. */
export function startTelemetry(serviceName: string, env: TelemetryEnvironment): Telemetry | undefined {
  if (!tracingRequested(env)) return undefined;
  // Loaded only now: a process without an endpoint pays nothing for the SDK.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createTracingSdk } = require("./createTracingSdk") as { createTracingSdk: typeof CreateTracingSdk };
  const sdk = createTracingSdk(env.OTEL_SERVICE_NAME?.trim() || serviceName);
  sdk.start();
  return {
    // A collector that hangs must not hold the process up at stop: the last spans are dropped instead.
    shutdown: () =>
      Promise.race([sdk.shutdown(), new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_MS).unref())]),
  };
}
