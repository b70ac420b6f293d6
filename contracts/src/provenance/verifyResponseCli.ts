/**
 * `npm run verify-response -- <answer.json> [--keys <file|folder|url>]... [--json]`: checks a saved
 * answer's provenance against the agencies' published keys (default: the key folder of
 * HUB_STATE_DIR). Exit 0: verified; 1: verification failed (named); 2: nothing could be checked.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadKeySources } from "./loadKeySources";
import { verifyProvenance, type ProvenanceReport } from "./verifyProvenance";

export const EXIT = { verified: 0, failed: 1, unusable: 2 } as const;

interface Arguments {
  file: string;
  keys: string[];
  json: boolean;
}

/** Reads the command line, and the environment only for the default key folder. */
function readArguments(argv: readonly string[], env: NodeJS.ProcessEnv): Arguments | string {
  const keys: string[] = [];
  let file: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--keys") {
      const value = argv[++i];
      if (!value) return "--keys needs a file, folder or URL";
      keys.push(value);
    } else if (arg === "--json") json = true;
    else if (arg.startsWith("--")) return `unknown option ${arg}`;
    else if (file) return "give one answer file";
    else file = arg;
  }
  if (!file) return "usage: npm run verify-response -- <answer.json> [--keys <file|folder|url>]... [--json]";
  const stateDir = path.resolve(env.HUB_STATE_DIR?.trim() || ".hub");
  return { file, keys: keys.length > 0 ? keys : [path.join(stateDir, "keys")], json };
}

function describe(report: ProvenanceReport): string {
  const lines = report.parts.map(
    (p) =>
      `  ${p.status.padEnd(8)} ${p.agency} (${p.subgraph}) at ${p.path}: ${p.covered} datum(s)${p.problem ? ` - ${p.problem}` : ""}`,
  );
  const head = report.ok
    ? `provenance verified: ${report.data} datum(s) of request ${report.requestId}, each signed by the agency that holds it`
    : `provenance NOT verified (${report.failures.length} problem(s)${report.unprovenCount ? `, ${report.unprovenCount} datum(s) unproven` : ""})`;
  return [head, ...lines, ...report.failures.map((f) => `  FAILED ${f}`)].join("\n") + "\n";
}

export async function verifyResponseCommand(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = readArguments(argv, env);
  if (typeof args === "string") {
    process.stderr.write(`${args}\n`);
    return EXIT.unusable;
  }
  let answer: unknown;
  try {
    answer = JSON.parse(readFileSync(args.file, "utf8"));
  } catch {
    process.stderr.write(`cannot read a JSON answer from ${args.file}\n`);
    return EXIT.unusable;
  }
  let keys;
  try {
    keys = await loadKeySources(args.keys);
  } catch (error) {
    process.stderr.write(`cannot read the agencies' published keys: ${(error as Error).message}\n`);
    return EXIT.unusable;
  }
  const report = await verifyProvenance(answer, keys);
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : describe(report));
  return report.ok ? EXIT.verified : EXIT.failed;
}

if (require.main === module) {
  void verifyResponseCommand(process.argv.slice(2), process.env).then((code) => {
    process.exitCode = code;
  });
}
