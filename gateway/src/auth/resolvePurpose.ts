/** The declared purpose of a request (R5-1): on the closed list, and one the caller's token allows. */
import { isPurpose, type Principal, type Purpose } from "@hub/contracts";
import { hubError } from "../errors";

export const PURPOSE_HEADER = "x-purpose";

export function resolvePurpose(header: string | undefined, principal: Principal): Purpose {
  const value = header?.trim();
  if (!value || !isPurpose(value)) {
    throw hubError(
      "PURPOSE_REQUIRED",
      "Declare the purpose of the request in the X-Purpose header, one of the hub's purposes.",
      {
        allowedPurposes: principal.purposes,
      },
    );
  }
  if (!principal.purposes.includes(value)) {
    throw hubError("PURPOSE_NOT_ALLOWED", `Your token does not allow the purpose ${value}.`, {
      allowedPurposes: principal.purposes,
    });
  }
  return value;
}
