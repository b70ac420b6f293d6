/**
 * Reads the agencies' published keys for `npm run verify-response`: files (a subgraph's key set
 * or a document of several), folders (every `provenance-*.jwks.json` in them) or http(s) URLs (a
 * subgraph's `/.well-known/jwks.json`, the gateway's `/provenance/keys`).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseKeySets, publishedKeys, type AgencyKeySet, type PublishedKeys } from "./publishedKeys";

/** A key file of a subgraph's provenance key set, as the kit writes it. */
export const PROVENANCE_KEY_FILE = /^provenance-[a-z-]+\.jwks\.json$/;

const MAX_KEYS_BYTES = 256 * 1024;
const FETCH_TIMEOUT_MS = 5000;

function parse(text: string, source: string): AgencyKeySet[] {
  if (text.length > MAX_KEYS_BYTES) throw new Error(`${source}: larger than ${MAX_KEYS_BYTES} bytes`);
  try {
    return parseKeySets(JSON.parse(text));
  } catch (error) {
    throw new Error(`${source}: ${(error as Error).message}`);
  }
}

async function fromUrl(url: string): Promise<AgencyKeySet[]> {
  const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: "error" });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return parse(await res.text(), url);
}

function fromPath(source: string): AgencyKeySet[] {
  let files: string[];
  try {
    files = statSync(source).isDirectory()
      ? readdirSync(source)
          .filter((name) => PROVENANCE_KEY_FILE.test(name))
          .sort()
          .map((name) => path.join(source, name))
      : [source];
  } catch {
    throw new Error(`${source}: cannot be read`);
  }
  return files.flatMap((file) => parse(readFileSync(file, "utf8"), file));
}

export async function loadKeySources(sources: readonly string[]): Promise<PublishedKeys> {
  const sets: AgencyKeySet[] = [];
  for (const source of sources) {
    sets.push(...(/^https?:\/\//.test(source) ? await fromUrl(source) : fromPath(source)));
  }
  if (sets.length === 0) throw new Error(`no published keys in ${sources.join(", ")}`);
  return publishedKeys(sets);
}
