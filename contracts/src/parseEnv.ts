/** Validates a process's environment variables against a zod schema; the one error names the variable. */
import type { z } from "zod";

export class ConfigError extends Error {}

export function parseEnv<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const trimmed = Object.fromEntries(
    Object.keys(schema.shape)
      .map((key) => [key, env[key]?.trim()] as const)
      .filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = schema.safeParse(trimmed);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${String(issue?.path[0])}: ${issue?.message}`);
  }
  return parsed.data;
}
