/**
 * `npm run compose`: asks each subgraph for its SDL, composes the supergraph with
 * @apollo/composition, and writes both to contracts/. With `--check` it writes nothing and fails
 * when the committed files differ from a fresh composition (CI runs it).
 */
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { SUBGRAPH_NAMES, type SubgraphName } from "./vocabulary";

const repoRoot = path.resolve(__dirname, "../..");
const contractsDir = path.join(repoRoot, "contracts");

/** Addresses recorded in the supergraph; a deployment overrides them with <NAME>_URL variables. */
export const DEFAULT_SUBGRAPH_URLS: Record<SubgraphName, string> = {
  "border-police": "http://localhost:4001/graphql",
  "migration-service": "http://localhost:4002/graphql",
  "statistics-office": "http://localhost:4003/graphql",
  audit: "http://localhost:4004/graphql",
};

async function subgraphSdl(name: SubgraphName): Promise<string> {
  const entry = path.join(repoRoot, "subgraphs", name, "dist", "main.js");
  const { stdout } = await promisify(execFile)(process.execPath, [entry, "sdl"], { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

export interface Composition {
  files: Map<string, string>;
  errors: string[];
}

export async function compose(): Promise<Composition> {
  const files = new Map<string, string>();
  const services = [];
  for (const name of SUBGRAPH_NAMES) {
    const sdl = await subgraphSdl(name);
    files.set(path.join(contractsDir, "subgraphs", `${name}.graphql`), sdl);
    services.push({ name, url: DEFAULT_SUBGRAPH_URLS[name], typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) {
    return { files, errors: result.errors.map((e) => `${e.extensions.code ?? "COMPOSITION"}: ${e.message}`) };
  }
  files.set(path.join(contractsDir, "supergraph.graphql"), result.supergraphSdl);
  return { files, errors: [] };
}

const readOrEmpty = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
};

async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const { files, errors } = await compose();
  if (errors.length > 0) {
    process.stderr.write(`Composition failed:\n${errors.map((e) => `  - ${e}`).join("\n")}\n`);
    process.exit(1);
  }
  const stale = [...files].filter(([file, text]) => readOrEmpty(file) !== text).map(([file]) => file);
  if (check) {
    if (stale.length > 0) {
      process.stderr.write(
        `The committed contracts differ from a fresh composition; run npm run compose and review:\n${stale
          .map((f) => `  - ${path.relative(repoRoot, f)}`)
          .join("\n")}\n`,
      );
      process.exit(1);
    }
    process.stdout.write("contracts are up to date with the subgraphs\n");
    return;
  }
  for (const file of stale) writeFileSync(file, files.get(file) ?? "");
  process.stdout.write(`composed ${SUBGRAPH_NAMES.length} subgraphs; ${stale.length} file(s) updated\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
