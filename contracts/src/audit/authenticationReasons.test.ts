/** docs/audit.md explains every authentication reason the console explains, with the same error code. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { AUTHENTICATION_REASONS, isAuthenticationReason } from "./authenticationReasons";

const doc = readFileSync(path.resolve(__dirname, "../../../docs/audit.md"), "utf8");

describe("authentication reasons", () => {
  it.each(Object.entries(AUTHENTICATION_REASONS))(
    "documents %s in docs/audit.md with its error code",
    (reason, info) => {
      const row = doc.split("\n").find((line) => line.startsWith(`| \`${reason}\` `));
      expect(row).toBeDefined();
      expect(row).toContain(`\`${info.code}\``);
    },
  );

  it("tells a listed reason from any other string", () => {
    expect(isAuthenticationReason("expired")).toBe(true);
    expect(isAuthenticationReason("toString")).toBe(false);
    expect(isAuthenticationReason("")).toBe(false);
  });
});
