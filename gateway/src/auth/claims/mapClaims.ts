/** Maps a verified token's payload to the hub's caller by a configured ClaimMapping. */
import type { JWTPayload } from "jose";
import { isAgency, isForeignAuthorityId, principalSchema } from "@hub/contracts";
import type { ClaimMapping, MappedCaller } from "./ClaimMapping";
import { ClaimsUnfit } from "./ClaimsUnfit";
import { readDelegation, readIdentifier } from "./readDelegation";
import { readPurposes } from "./readPurposes";
import { readList, readSingle, sourceOf, type SingleValue } from "./readRule";

function required(payload: JWTPayload, mapping: ClaimMapping, field: "subject" | "role" | "country"): SingleValue {
  const read = readSingle(payload, mapping[field], field);
  if (read === null) throw new ClaimsUnfit(field, "missing", sourceOf(mapping[field]));
  return read;
}

/**
 * The body the caller acts for. A domestic caller's token names its agency; a foreign caller's
 * names its authority instead (`TR-PMM`, R14-2). A token naming both, or either in the other's
 * form, is refused: who the caller acts for is never guessed.
 */
function bodyOf(payload: JWTPayload, mapping: ClaimMapping): { value: string; authority: SingleValue | null } {
  const agency = readSingle(payload, mapping.agency, "agency");
  const authority = readSingle(payload, mapping.authority, "authority");
  if (agency && authority) throw new ClaimsUnfit("authority", "conflict", authority.source);
  if (authority) {
    if (!isForeignAuthorityId(authority.value)) throw new ClaimsUnfit("authority", "invalid", authority.source);
    return { value: authority.value, authority };
  }
  if (!agency) throw new ClaimsUnfit("agency", "missing", sourceOf(mapping.agency));
  if (!isAgency(agency.value)) throw new ClaimsUnfit("agency", "invalid", agency.source);
  return { value: agency.value, authority: null };
}

/**
 * The caller a verified token describes, or ClaimsUnfit naming the first attribute that does not
 * fit. `hubCountry` is the hub's own ISO country: a foreign authority can never be of it.
 */
export function mapClaims(payload: JWTPayload, mapping: ClaimMapping, hubCountry: string): MappedCaller {
  const subject = required(payload, mapping, "subject");
  const body = bodyOf(payload, mapping);
  const role = required(payload, mapping, "role");
  const purposes = readPurposes(payload, mapping);
  const country = required(payload, mapping, "country");
  const cases = readList(payload, mapping.cases, "cases");
  const delegation = readDelegation(payload, mapping, subject);
  const clientId = readIdentifier(payload, mapping.clientId, "clientId");

  const parsed = principalSchema.safeParse({
    subject: delegation.subject,
    agency: body.value,
    role: role.value,
    purposes,
    country: country.value,
    cases: cases?.values ?? [],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "subject");
    const sources: Record<string, string> = {
      subject: delegation.delegation === "act" ? 'claim "act"' : subject.source,
      role: role.source,
      country: country.source,
      cases: cases?.source ?? sourceOf(mapping.cases),
    };
    // The schema's only check on the body is that a foreign authority is of the token's country.
    if (field === "agency" && body.authority) {
      throw new ClaimsUnfit(
        "authority",
        issue?.code === "custom" ? "country-mismatch" : "invalid",
        body.authority.source,
      );
    }
    throw new ClaimsUnfit(field, "invalid", sources[field] ?? sourceOf(mapping.agency));
  }
  // An authority of the hub's own country would be a domestic agency under another name.
  if (body.authority && parsed.data.country === hubCountry) {
    throw new ClaimsUnfit("country", "hub-country", country.source);
  }
  return {
    principal: parsed.data,
    clientId: clientId?.value ?? null,
    onBehalfOf: delegation.onBehalfOf,
    delegation: delegation.delegation,
  };
}
