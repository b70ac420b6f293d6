/** Tracing for the hub's processes; import this first in a main.ts (it loads no SDK until asked). */
export { startTelemetry, tracingRequested, type Telemetry, type TelemetryEnvironment } from "./startTelemetry";
