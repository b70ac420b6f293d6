/** One bounded GET of a JSON document from an identity provider: size, time and redirects capped. */
import { readFile, stat } from "node:fs/promises";
import { KeySourceError } from "./keyErrors";

/** Far above any real discovery document or key set (a few KiB), and a bound on memory per fetch. */
export const MAX_KEY_DOCUMENT_BYTES = 512 * 1024;

/**
 * Fetches `url` and parses it as JSON. Redirects are refused rather than followed: a provider's
 * discovery document and key set are served from the URLs it publishes, and following a redirect
 * blindly would let whoever controls it choose the keys. Every failure is a KeySourceError with
 * one line an operator can read; a response body is never quoted.
 */
export async function fetchBoundedJson(url: URL, what: string, timeoutMs: number): Promise<unknown> {
  const where = `${what} at ${url.href}`;
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { redirect: "manual", signal, headers: { accept: "application/json" } });
  } catch (error) {
    throw new KeySourceError(failureLine(where, error, timeoutMs));
  }
  if (response.status < 200 || response.status > 299) {
    await response.body?.cancel().catch(() => undefined);
    const redirect = response.status >= 300 && response.status < 400 ? " (redirects are not followed)" : "";
    throw new KeySourceError(`The ${where} answered HTTP ${response.status}${redirect}.`);
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > MAX_KEY_DOCUMENT_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw new KeySourceError(`The ${where} is larger than ${MAX_KEY_DOCUMENT_BYTES} bytes.`);
  }
  let text: string;
  try {
    text = await readBounded(response, where);
  } catch (error) {
    if (error instanceof KeySourceError) throw error;
    throw new KeySourceError(failureLine(where, error, timeoutMs));
  }
  return parseJson(text, where);
}

/** Reads a key file, bounded like a fetch; a file source is the operator's own, but still checked. */
export async function readBoundedJsonFile(path: string): Promise<unknown> {
  const where = `key file ${path}`;
  let text: string;
  try {
    if ((await stat(path)).size > MAX_KEY_DOCUMENT_BYTES) {
      throw new KeySourceError(`The ${where} is larger than ${MAX_KEY_DOCUMENT_BYTES} bytes.`);
    }
    text = await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof KeySourceError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new KeySourceError(`The ${where} cannot be read (${code}).`);
  }
  return parseJson(text, where);
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new KeySourceError(`The ${where} is not JSON.`);
  }
}

/** The body as text, given up as soon as it passes the bound (a chunked body declares no length). */
async function readBounded(response: Response, where: string): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_KEY_DOCUMENT_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new KeySourceError(`The ${where} is larger than ${MAX_KEY_DOCUMENT_BYTES} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Why a fetch failed, in one line: a timeout, or the network's own code (ECONNREFUSED, ENOTFOUND, ...). */
function failureLine(where: string, error: unknown, timeoutMs: number): string {
  // Read by shape, not instanceof: fetch's errors may come from another realm (a test VM, a worker).
  const field = (value: unknown, name: string): unknown =>
    typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  if (field(error, "name") === "TimeoutError") return `The ${where} did not answer within ${timeoutMs} ms.`;
  const cause = field(error, "cause");
  const reason = [field(cause, "code"), field(cause, "message"), field(error, "message")].find(
    (part): part is string => typeof part === "string" && part !== "",
  );
  const line = (reason ?? "unknown error").replace(/[^\x20-\x7e]/g, "?").slice(0, 120);
  return `The ${where} cannot be reached (${line}).`;
}
