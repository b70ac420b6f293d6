/**
 * `npm run identity -- <status | refresh | distrust>`: the operator's commands on a running
 * gateway's trust in identity provider keys, sent to its /admin endpoints with the operator secret
 * (HUB_ADMIN_KEY). Each refresh and distrust is audited under the operator's name.
 *
 *   npm run identity -- status
 *   npm run identity -- refresh --operator jdoe [--issuer https://idp.example.gov]
 *   npm run identity -- distrust --operator jdoe --issuer https://idp.example.gov --kid 2024-key --reason "key leaked"
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadStateConfig } from "../config";

const COMMANDS = ["status", "refresh", "distrust"] as const;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      gateway: { type: "string" },
      operator: { type: "string" },
      issuer: { type: "string" },
      kid: { type: "string" },
      reason: { type: "string" },
    },
    strict: true,
  });
  const command = positionals[0] ?? "";
  if (!(COMMANDS as readonly string[]).includes(command) || positionals.length > 1) {
    throw new Error(`usage: npm run identity -- <${COMMANDS.join(" | ")}> [options] (see docs/identity.md)`);
  }
  const config = loadStateConfig();
  const gateway = new URL(values.gateway ?? `http://127.0.0.1:${config.port}`);
  let secret: string;
  try {
    secret = readFileSync(config.adminKeyPath, "utf8").trim();
  } catch {
    throw new Error(`Cannot read the operator secret (HUB_ADMIN_KEY) at ${config.adminKeyPath}`);
  }
  const body =
    command === "status"
      ? undefined
      : command === "refresh"
        ? { operator: values.operator, ...(values.issuer ? { issuer: values.issuer } : {}) }
        : { operator: values.operator, issuer: values.issuer, keyId: values.kid, reason: values.reason };
  const response = await fetch(new URL(`/admin/identity${command === "status" ? "" : `/${command}`}`, gateway), {
    method: body ? "POST" : "GET",
    headers: { authorization: `Bearer ${secret}`, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  if (!response.ok) process.exit(response.status >= 500 ? 3 : 2);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
