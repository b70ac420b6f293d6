/**
 * `npm run profile -- --year YYYY [--template ID] [--token-file FILE] [--gateway-url URL]`: pulls
 * a year's migration profile through the hub as the Statistics Office's service client and stores
 * it in the office's database. Exit codes in docs/statistics.md.
 */
import { parseArgs } from "node:util";
import { openProfileStore, ProfilePullError, pullProfile } from "@hub/statistics-office";
import { describePull, exitCodeOf } from "./describePull";
import { loadProfileConfig } from "./profileConfig";
import { mintStatisticsServiceToken, readTokenFile, TokenUnavailableError } from "./statisticsServiceToken";

const DEFAULT_TEMPLATE = "NATIONAL_EXTENDED";

class UsageError extends Error {}

function parseOptions(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        year: { type: "string" },
        template: { type: "string", default: DEFAULT_TEMPLATE },
        "token-file": { type: "string" },
        "gateway-url": { type: "string" },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const year = Number(values.year);
  if (values.year === undefined || !Number.isInteger(year) || year < 1900 || year > 2999) {
    throw new UsageError("--year YYYY is required (e.g. --year 2025)");
  }
  return { year, template: values.template, tokenFile: values["token-file"], gatewayUrl: values["gateway-url"] };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const config = loadProfileConfig();
  const tokenFile = options.tokenFile ?? config.tokenFile;
  const token = tokenFile ? readTokenFile(tokenFile) : await mintStatisticsServiceToken(config.launcher);
  const db = await openProfileStore(config.databaseUrl);
  try {
    const summary = await pullProfile({
      gatewayUrl: options.gatewayUrl ?? config.gatewayUrl,
      token,
      year: options.year,
      template: options.template,
      db,
    });
    process.stdout.write(`${describePull(summary)}\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  const failure =
    error instanceof ProfilePullError
      ? error.failure
      : error instanceof UsageError || error instanceof TokenUnavailableError
        ? "USAGE"
        : undefined;
  process.stderr.write(`npm run profile: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(failure === undefined ? 1 : exitCodeOf(failure));
});
