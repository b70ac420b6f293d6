/**
 * What every hub process gives pino so that no personal value or token reaches a log: redaction
 * paths for headers and request bodies, an error serializer that drops the fields where drivers
 * and frameworks keep values (SQL parameters, a row's detail, a request's variables or source),
 * and a logger for Apollo whose free-text messages lose what they quote of an operation.
 */

/** Paths pino censors wherever a log line carries them (headers, bodies, tokens). */
export const LOG_REDACT_PATHS = [
  "authorization",
  "token",
  "headers.authorization",
  'headers["x-hub-context"]',
  "req.headers.authorization",
  'req.headers["x-hub-context"]',
  "*.headers.authorization",
  '*.headers["x-hub-context"]',
  "variables",
  "*.variables",
  "body",
  "*.body",
];

/** Fields of an error that hold values: SQL parameters, the row a constraint saw, the operation, the body. */
const VALUE_FIELDS = new Set([
  "parameters",
  "detail",
  "where",
  "internalQuery",
  "source",
  "nodes",
  "variables",
  "body",
  "request",
  "response",
  "headers",
  "config",
]);

/** Quoted text and long numbers (not ports): where messages put the values they complain about. */
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g;
const LONG_NUMBER = /\d{6,}/g;

/** A message with what it quotes masked and any GraphQL source excerpt removed. */
export function redactLogMessage(message: string): string {
  // graphql-js appends an excerpt of the operation ("GraphQL request:2:75 ...") after the first line.
  const head = message.split("\n")[0] ?? "";
  return head
    .replace(QUOTED, (q) => (/^["']\$[_A-Za-z0-9]*["']$/.test(q) ? q : `${q[0]}…${q[0]}`))
    .replace(LONG_NUMBER, "…");
}

/**
 * An error as pino's standard serializer made it, with the value-holding fields dropped at any
 * depth (a TypeORM QueryFailedError nests the driver's error) and messages redacted. The stack
 * keeps only its frames: its first line repeats the message.
 */
export function redactSerializedError(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactSerializedError(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (VALUE_FIELDS.has(key)) continue;
    if (key === "message" && typeof field === "string") out[key] = redactLogMessage(field);
    else if (key === "stack" && typeof field === "string")
      out[key] = field
        .split("\n")
        .filter((l) => /^\s+at /.test(l))
        .join("\n");
    else out[key] = redactSerializedError(field, depth + 1);
  }
  return out;
}

/** pino's options for a hub process: redaction and the error serializer over pino's own. */
export function hubLogOptions(standardErr: (error: Error) => unknown) {
  const err = (error: unknown) =>
    redactSerializedError(error instanceof Error ? standardErr(error) : error) as Record<string, unknown>;
  return { redact: { paths: LOG_REDACT_PATHS, censor: "[redacted]" }, serializers: { err } };
}

interface LevelLogger {
  debug: (message: string) => void;
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
}

/** Apollo's logger: its messages are free text that may quote an operation, so they are redacted. */
export function apolloLogger(log: LevelLogger): LevelLogger {
  const clean = (message: unknown) => redactLogMessage(String(message));
  return {
    debug: (m) => log.debug(clean(m)),
    info: (m) => log.info(clean(m)),
    warn: (m) => log.warn(clean(m)),
    error: (m) => log.error(clean(m)),
  };
}
