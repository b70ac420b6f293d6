import { describe, expect, it } from "@jest/globals";
import type { JWTPayload } from "jose";
import { principalSchema } from "@hub/contracts";
import { CLAIM_PRESET_NAMES, claimPreset, type ClaimPresetName } from "./claimPreset";
import { ClaimsUnfit } from "./ClaimsUnfit";
import { mapClaims } from "./mapClaims";

// Every claim any preset reads, set in turn to shapes an identity provider should never send: the
// mapping refuses with ClaimsUnfit (never another error) whose message never echoes the value, and
// whatever it accepts is a valid principal.
const MARK = "ZZ-TOKEN-VALUE-ZZ";
const HOSTILE: [string, unknown][] = [
  ["a number", 42],
  ["a boolean", false],
  ["an empty object", {}],
  ["an empty array", []],
  ["an array of objects", [{ sub: MARK }]],
  ["nested arrays", [[MARK]]],
  ["an object with __proto__", JSON.parse(`{"__proto__": {"sub": "${MARK}"}, "roles": ["${MARK}"]}`)],
  ["a string with a line break", `${MARK}\nlevel=info msg=forged`],
  ["a long string", `${MARK}${"x".repeat(100_000)}`],
  ["a huge array", new Array<string>(5000).fill(MARK)],
  ["a long scope string", `purpose:${MARK} `.repeat(5000)],
  ["a mixed array", [MARK, 1, null]],
];

const BASES: Record<ClaimPresetName, JWTPayload> = {
  hub: { sub: "s-1", agency: "BORDER_POLICE", role: "officer", purposes: ["BORDER_CHECK"], country: "AM" },
  keycloak: {
    sub: "s-1",
    azp: "c-1",
    agency: "BORDER_POLICE",
    country: "AM",
    scope: "profile purpose:BORDER_CHECK",
    resource_access: { "migration-hub": { roles: ["officer"] } },
  },
  entra: {
    oid: "o-1",
    sub: "o-1",
    azp: "c-1",
    roles: ["Agency.BORDER_POLICE", "Country.AM", "Role.officer", "Purpose.BORDER_CHECK"],
  },
  "oidc-provider": {
    sub: "c-1",
    client_id: "c-1",
    agency: "BORDER_POLICE",
    role: "officer",
    country: "AM",
    scope: "purpose:BORDER_CHECK",
  },
};

const CLAIMS = [
  ...new Set([
    ...Object.values(BASES).flatMap((b) => Object.keys(b)),
    ...["authority", "purposes", "cases", "appid", "scp", "act", "officer", "realm_access", "client_id"],
  ]),
];

const stringsIn = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : typeof value === "object" && value !== null
      ? Object.values(value).flatMap(stringsIn)
      : [];

describe.each(CLAIM_PRESET_NAMES)("the %s preset under hostile claims", (preset) => {
  const mapping = { ...claimPreset(preset, { audience: "migration-hub" }), officer: { claim: "officer" } };

  it("maps its base token", () => {
    expect(mapClaims(BASES[preset], mapping, "AM").principal.agency).toBe("BORDER_POLICE");
  });

  it.each(CLAIMS)("refuses or safely reads the claim %s in every hostile shape", (claim) => {
    for (const [, value] of HOSTILE) {
      let outcome: unknown;
      try {
        outcome = mapClaims({ ...BASES[preset], [claim]: value }, mapping, "AM");
      } catch (error) {
        expect(error).toBeInstanceOf(ClaimsUnfit);
        expect((error as Error).message).not.toContain(MARK);
        expect((error as Error).message.length).toBeLessThan(300);
        continue;
      }
      // Accepted where the preset does not read the claim, or reads it as a list of words: then
      // as a valid principal, with no control character left to forge a log line.
      expect(principalSchema.safeParse((outcome as { principal: unknown }).principal).success).toBe(true);
      expect(stringsIn(outcome).filter((v) => /\p{Cc}/u.test(v))).toEqual([]);
    }
  });
});
