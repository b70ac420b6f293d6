/**
 * The agreements as a git commit has them (`git show <base>:contracts/agreements/<file>`), read
 * with the same loader and schema as the working tree's, for the CI check of agreement changes.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AgreementError, loadAgreements, type Agreement } from "../agreements";

export class BaseRefError extends Error {}

const git = (cwd: string, args: string[]) =>
  execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });

/** The commit a ref names; refuses what could be read as an option or is not a commit. */
export function resolveBase(repoRoot: string, ref: string): string {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_./~^@{}-]{0,200}$/.test(ref)) {
    throw new BaseRefError(`--base ${JSON.stringify(ref)} is not a git ref (a branch, tag, commit or HEAD~1)`);
  }
  try {
    return git(repoRoot, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).trim();
  } catch {
    throw new BaseRefError(`--base ${ref} names no commit of the repository at ${repoRoot} (a shallow clone?)`);
  }
}

/** Agreements of `commit` in `agreementsDir` (empty when the commit has no such folder). */
export function agreementsAt(
  repoRoot: string,
  commit: string,
  agreementsDir: string,
  options: { hubCountry?: string } = {},
): Agreement[] {
  const top = git(repoRoot, ["rev-parse", "--show-toplevel"]).trim();
  const relative = path.relative(top, agreementsDir).split(path.sep).join("/");
  const names = git(top, ["ls-tree", "--name-only", commit, "--", `${relative}/`])
    .split("\n")
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"));
  const dir = mkdtempSync(path.join(tmpdir(), "base-agreements-"));
  try {
    for (const name of names)
      writeFileSync(path.join(dir, path.posix.basename(name)), git(top, ["show", `${commit}:${name}`]));
    const agreements = loadAgreements(dir, options);
    // Named as git names them, not by the temporary copy.
    return agreements.map((a) => ({ ...a, file: `${commit.slice(0, 12)}:${relative}/${path.basename(a.file)}` }));
  } catch (error) {
    if (error instanceof AgreementError) {
      throw new AgreementError(error.message.split(dir).join(`${commit.slice(0, 12)}:${relative}`));
    }
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
