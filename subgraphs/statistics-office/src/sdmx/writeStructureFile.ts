/**
 * `npm run sdmx:structure [-- --check]`: writes the SDMX structure message of the profile export
 * to contracts/profiles/sdmx, or (with --check) fails when the committed file is not what the
 * code lists give today.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { COUNTRIES, DEFAULT_PROFILES_DIR, loadProfileDefinitions, REGIONS } from "@hub/contracts";
import { runCli } from "@hub/kit";
import { buildStructureMessage } from "./buildStructureMessage";
import { DSD_ID, SDMX_VERSION } from "./sdmxStructure";

export const STRUCTURE_FILE = path.join(DEFAULT_PROFILES_DIR, "sdmx", `${DSD_ID}-${SDMX_VERSION}.xml`);

/** The structure message the shipped code lists give. */
export const currentStructureMessage = (): string =>
  buildStructureMessage({ countries: COUNTRIES, regions: REGIONS, indicators: loadProfileDefinitions().indicators });

if (require.main === module) {
  runCli(async () => {
    const fresh = currentStructureMessage();
    if (process.argv.includes("--check")) {
      const committed = readFileSync(STRUCTURE_FILE, "utf8");
      if (committed !== fresh) {
        throw new Error(`${STRUCTURE_FILE} is out of date: run npm run sdmx:structure and commit it`);
      }
      return;
    }
    mkdirSync(path.dirname(STRUCTURE_FILE), { recursive: true });
    writeFileSync(STRUCTURE_FILE, fresh);
    process.stdout.write(`wrote ${STRUCTURE_FILE}\n`);
  });
}
