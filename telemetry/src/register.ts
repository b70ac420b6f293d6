/**
 * Import first in a process's main.ts (or `node --require @hub/telemetry/dist/register`): starts
 * tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set, named by OTEL_SERVICE_NAME or else by the
 * workspace the entry script belongs to (`gateway`, `border-police`, ...).
 */
import path from "node:path";
import { startTelemetry } from "./startTelemetry";

const entry = process.argv[1];
export const telemetry = startTelemetry(entry ? path.basename(path.resolve(entry, "../..")) : "hub", process.env);
