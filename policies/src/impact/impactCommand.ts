/**
 * `npm run policies -- impact`: the preview of a candidate policy set on recorded traffic
 * (`--candidate DIR [--days N] [--json]`), or the CI check of agreement changes
 * (`--check-agreements [--base REF] [--json]`).
 * Exit status: preview 0 when nothing would change, 3 when something would; check 0 when every
 * widening is acknowledged, 1 when one is not; 1 for an error, 2 for a bad command line.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadAgreements } from "../agreements";
import { PolicyDecisionPoint } from "../PolicyDecisionPoint";
import { defaultPolicyPaths } from "../policySet";
import { agreementsAt, resolveBase } from "./baseAgreements";
import { candidatePaths } from "./candidatePaths";
import { checkAgreements, describeAgreementsCheck } from "./checkAgreements";
import { loadImpactConfig } from "./loadImpactConfig";
import { previewImpact } from "./previewImpact";
import { readRecordedEvents } from "./readRecordedEvents";
import { renderImpact } from "./renderImpact";

export const IMPACT_USAGE =
  "usage: npm run policies -- impact --candidate DIR [--days N] [--json] [--root DIR] [--country CC]\n" +
  "       npm run policies -- impact --check-agreements [--base REF] [--json] [--root DIR]";

/** Exit status of a preview in which some recorded decision would change. */
export const IMPACT_CHANGES = 3;

const DAY_MS = 86_400_000;

export class UsageError extends Error {}

export interface ImpactCommandContext {
  /** The repository whose policy set is the current one (`--root` overrides it). */
  defaultRoot: string;
  /** The hub's country (`--country` overrides it): who is foreign, and part of the version. */
  defaultCountry: string;
  /** The environment the audit store's settings are read from (the process's by default). */
  env?: NodeJS.ProcessEnv;
  write: (text: string) => void;
  now?: () => number;
}

export async function runImpactCommand(argv: string[], context: ImpactCommandContext): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        candidate: { type: "string" },
        days: { type: "string", default: "30" },
        json: { type: "boolean", default: false },
        "check-agreements": { type: "boolean", default: false },
        base: { type: "string", default: "HEAD" },
        root: { type: "string", default: context.defaultRoot },
        country: { type: "string", default: context.defaultCountry },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${IMPACT_USAGE}`);
  }
  const { write } = context;
  const repoRoot = path.resolve(values.root);
  const hubCountry = values.country;
  if (!/^[A-Z]{2}$/.test(hubCountry)) throw new UsageError("--country must be an ISO 3166-1 alpha-2 code such as AM");
  if (values["check-agreements"]) {
    if (values.candidate !== undefined)
      throw new UsageError(`--check-agreements takes no --candidate\n${IMPACT_USAGE}`);
    const paths = defaultPolicyPaths(repoRoot);
    const base = resolveBase(repoRoot, values.base);
    const before = agreementsAt(repoRoot, base, paths.agreementsDir, { hubCountry });
    const after = loadAgreements(paths.agreementsDir, { hubCountry });
    const result = checkAgreements(before, after, repoRoot);
    const named = `${values.base} (${base.slice(0, 12)})`;
    write(values.json ? JSON.stringify({ base: base, ...result }, null, 2) : describeAgreementsCheck(result, named));
    return result.ok ? 0 : 1;
  }
  if (values.candidate === undefined) throw new UsageError(`--candidate DIR is required\n${IMPACT_USAGE}`);
  if (!/^\d{1,4}$/.test(values.days) || Number(values.days) < 1) {
    throw new UsageError(`--days must be a whole number of days, 1 or more\n${IMPACT_USAGE}`);
  }
  const days = Number(values.days);
  const config = loadImpactConfig(context.env);
  const candidate = candidatePaths(path.resolve(values.candidate), repoRoot);
  // Both load and validate as the gateway would at start; a candidate that does not is an error, not a preview.
  const current = PolicyDecisionPoint.load(defaultPolicyPaths(repoRoot), hubCountry);
  const proposed = PolicyDecisionPoint.load(candidate.paths, hubCountry);
  const until = new Date((context.now ?? Date.now)());
  const since = new Date(until.getTime() - days * DAY_MS);
  const preview = await previewImpact({
    current,
    candidate: proposed,
    candidateReplaces: candidate.replaces,
    batches: readRecordedEvents(config, { since, until }),
    window: { days, since: since.toISOString(), until: until.toISOString() },
  });
  write(values.json ? JSON.stringify(preview, null, 2) : renderImpact(preview));
  return preview.totals.newlyAllowed + preview.totals.newlyDenied > 0 ? IMPACT_CHANGES : 0;
}
