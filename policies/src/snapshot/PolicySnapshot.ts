/**
 * The texts one policy version is built from (R10-3): the Cedar schema, the rule files, the
 * agreement files, the regime table and the hub's country, as the audit database keeps them. A
 * snapshot is read back from storage, so it is parsed as hostile input: file names are plain
 * names (never paths), each list is sorted and free of repeats, sizes are bounded.
 * `policySnapshot(paths, country)` reads the files the way loadPolicySet does (the same files, in
 * the same order), so that PolicyDecisionPoint.fromSnapshot rebuilds the same version.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { canonicalJson } from "@hub/contracts";
import type { PolicyPaths } from "../policySet";

/** The layout version of a snapshot: a reader refuses a layout it does not know. */
export const POLICY_SNAPSHOT_FORMAT = 1;

/** Largest text a snapshot holds per file; the demonstration hub's largest is a few kilobytes. */
const MAX_TEXT = 1_000_000;
const MAX_FILES = 1000;

const plainName = (extension: string) =>
  z
    .string()
    .max(200)
    .regex(
      new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]*\\.(?:${extension})$`),
      `must be a plain file name ending .${extension}`,
    );

const files = (extension: string) =>
  z
    .array(z.object({ file: plainName(extension), text: z.string().max(MAX_TEXT) }).strict())
    .max(MAX_FILES)
    // The loaders read files in name order, and the order is part of the version.
    .refine((list) => list.every((f, i) => i === 0 || (list[i - 1]?.file ?? "") < f.file), {
      message: "files must be sorted by name, each once",
    });

export const policySnapshotSchema = z
  .object({
    format: z.literal(POLICY_SNAPSHOT_FORMAT),
    hubCountry: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code"),
    /** policies/hub.cedarschema */
    schema: z.string().max(MAX_TEXT),
    /** policies/rules/*.cedar */
    rules: files("cedar"),
    /** contracts/agreements/*.yaml (or .yml) */
    agreements: files("yaml|yml"),
    /** contracts/regimes.yaml */
    regimes: z.string().max(MAX_TEXT),
  })
  .strict();

export type PolicySnapshot = z.infer<typeof policySnapshotSchema>;

export class PolicySnapshotError extends Error {}

/** The stored form: canonical JSON, so that equal snapshots are equal texts. */
export const policySnapshotText = (snapshot: PolicySnapshot): string => canonicalJson(snapshot);

/** Reads a stored snapshot; throws PolicySnapshotError naming the first problem. */
export function parsePolicySnapshot(text: string): PolicySnapshot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PolicySnapshotError("the stored policy snapshot is not JSON");
  }
  const parsed = policySnapshotSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PolicySnapshotError(
      `the stored policy snapshot is not valid: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`,
    );
  }
  return parsed.data;
}

function filesOf(dir: string, keep: (name: string) => boolean): { file: string; text: string }[] {
  return readdirSync(dir)
    .filter(keep)
    .sort()
    .map((file) => ({ file, text: readFileSync(path.join(dir, file), "utf8") }));
}

export function policySnapshot(paths: PolicyPaths, hubCountry: string): PolicySnapshot {
  const snapshot = {
    format: POLICY_SNAPSHOT_FORMAT,
    hubCountry,
    schema: readFileSync(path.join(paths.policiesDir, "hub.cedarschema"), "utf8"),
    rules: filesOf(path.join(paths.policiesDir, "rules"), (f) => f.endsWith(".cedar")),
    agreements: filesOf(paths.agreementsDir, (f) => f.endsWith(".yaml") || f.endsWith(".yml")),
    regimes: readFileSync(paths.regimesFile, "utf8"),
  };
  // A file the snapshot could not hold (a name with a space, say) must stop the start, not the replay.
  const checked = policySnapshotSchema.safeParse(snapshot);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new PolicySnapshotError(
      `the policy set cannot be kept as a snapshot: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`,
    );
  }
  return checked.data;
}
