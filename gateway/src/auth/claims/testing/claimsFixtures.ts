/** What the claim-mapping tests share: the refusal a call throws, the hub preset and a domestic caller's claims. */
import type { JWTPayload } from "jose";
import { claimPreset } from "../claimPreset";
import { ClaimsUnfit } from "../ClaimsUnfit";

/** The refusal a call throws; fails the test when the claims are accepted. */
export function refusalOf(call: () => unknown): ClaimsUnfit {
  try {
    call();
  } catch (error) {
    if (error instanceof ClaimsUnfit) return error;
    throw error;
  }
  throw new Error("the claims were accepted");
}

export const hubPreset = () => claimPreset("hub", { audience: "migration-hub" });

export const domestic: JWTPayload = {
  sub: "officer-0147",
  agency: "BORDER_POLICE",
  role: "border-officer",
  purposes: ["BORDER_CHECK"],
  country: "AM",
};
