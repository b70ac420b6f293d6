/**
 * `npm run policies -- <command>`: the policy set's command line for CI and auditors.
 *   validate      load the whole set (rules, agreements, regimes), validate it strictly against
 *                 the schema, print the number of policies and the version hash
 *   format-check  list the rule files that differ from their formatted form; exit 1 if any
 *   format        rewrite the rule files formatted
 *   print         print the compiled policy set (rules and agreement permits)
 *   impact        preview a candidate policy set on the recorded decisions, or check that agreement
 *                 changes widening access are acknowledged (its options: impact/impactCommand.ts)
 * Option `--root DIR` names the repository (default: the one this file is built in); `--country CC`
 * the hub's country (default AM, the demonstration hub's): agreements are checked against it (a
 * foreign recipient must be of another country) and it is part of the version hash.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { formatRuleFiles, unformattedRuleFiles } from "./formatRules";
import { runImpactCommand, UsageError } from "./impact/impactCommand";
import { PolicyDecisionPoint } from "./PolicyDecisionPoint";
import { defaultPolicyPaths } from "./policySet";
import { printPolicySet } from "./printPolicySet";

const COMMANDS = ["validate", "format-check", "format", "print"] as const;
type Command = (typeof COMMANDS)[number];
const isCommand = (value: string | undefined): value is Command => COMMANDS.some((c) => c === value);

/** The demonstration hub's country (HUB_COUNTRY's default). */
const DEFAULT_HUB_COUNTRY = "AM";

const write = (text: string) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);

function run(command: Command, repoRoot: string, hubCountry: string): number {
  const paths = defaultPolicyPaths(repoRoot);
  const relative = (file: string) => path.relative(repoRoot, file);
  switch (command) {
    case "validate": {
      const pdp = PolicyDecisionPoint.load(paths, hubCountry);
      const policies = [...pdp.policySet.policies.values()];
      const permits = policies.filter((p) => p.agreement !== undefined).length;
      write(
        `Policy set valid (strict, against ${relative(path.join(paths.policiesDir, "hub.cedarschema"))}): ` +
          `${policies.length} policies, ${policies.length - permits} rule policies and ${permits} permits ` +
          `from ${pdp.policySet.agreements.length} agreements; ${pdp.policySet.regimes.size} country regimes.\n` +
          `version ${pdp.version}`,
      );
      return 0;
    }
    case "format-check": {
      const unformatted = unformattedRuleFiles(paths.policiesDir);
      if (unformatted.length === 0) {
        write("Rule files are formatted.");
        return 0;
      }
      write(
        `Not formatted (lineWidth 100, indentWidth 2); run npm run policies -- format:\n${unformatted.map((f) => `  ${relative(f)}`).join("\n")}`,
      );
      return 1;
    }
    case "format": {
      const changed = formatRuleFiles(paths.policiesDir);
      write(
        changed.length === 0
          ? "Rule files were formatted already."
          : changed.map((f) => `formatted ${relative(f)}`).join("\n"),
      );
      return 0;
    }
    case "print": {
      const pdp = PolicyDecisionPoint.load(paths, hubCountry);
      write(printPolicySet(pdp.policySet, repoRoot));
      return 0;
    }
  }
}

/** The impact command reads its own options (beside --root and --country). */
async function impact(argv: string[]): Promise<number> {
  try {
    return await runImpactCommand(argv, {
      defaultRoot: path.resolve(__dirname, "..", ".."),
      defaultCountry: DEFAULT_HUB_COUNTRY,
      write,
    });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

function main(): number | Promise<number> {
  if (process.argv[2] === "impact") return impact(process.argv.slice(3));
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      root: { type: "string", default: path.resolve(__dirname, "..", "..") },
      country: { type: "string", default: DEFAULT_HUB_COUNTRY },
    },
  });
  const [command, ...rest] = positionals;
  if (!isCommand(command) || rest.length > 0) {
    process.stderr.write(`usage: npm run policies -- <${COMMANDS.join("|")}|impact> [--root DIR] [--country CC]\n`);
    return 2;
  }
  if (!/^[A-Z]{2}$/.test(values.country)) {
    process.stderr.write("--country must be an ISO 3166-1 alpha-2 code such as AM\n");
    return 2;
  }
  return run(command, path.resolve(values.root), values.country);
}

const fail = (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
};
try {
  Promise.resolve(main()).then((code) => {
    process.exitCode = code;
  }, fail);
} catch (error) {
  fail(error);
}
