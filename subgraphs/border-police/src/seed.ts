/** Writes the Border Police's part of a synthetic world into its database, replacing what was there. */
import type { EntityManager } from "typeorm";
import { bulkInsert } from "@hub/kit";
import { type SyntheticWorld } from "@hub/synthetic";

export async function seedBorderPolice(db: EntityManager, world: SyntheticWorld): Promise<void> {
  await db.query(
    "TRUNCATE deportee_screening, entry_ban, entry_refusal, border_crossing, travel_document, crossing_point",
  );
  await bulkInsert(
    db,
    "crossing_point",
    ["code", "name", "kind", "neighbour_country", "region"],
    world.crossingPoints.map((p) => [p.code, p.name, p.kind, p.neighbourCountry, p.region]),
  );
  await bulkInsert(
    db,
    "travel_document",
    [
      "document_number",
      "person_ref",
      "kind",
      "issuing_country",
      "issued_on",
      "expires_on",
      "chip_facial_image_digest",
      "holder_date_of_birth",
      "holder_sex",
      "holder_nationality",
      "retain_until",
    ],
    world.travelDocuments.map((d) => [
      d.documentNumber,
      d.personRef,
      d.kind,
      d.issuingCountry,
      d.issuedOn,
      d.expiresOn,
      d.chipFacialImageDigest,
      d.holderDateOfBirth,
      d.holderSex,
      d.holderNationality,
      d.retainUntil,
    ]),
  );
  await bulkInsert(
    db,
    "border_crossing",
    [
      "id",
      "person_ref",
      "document_number",
      "crossing_point",
      "direction",
      "crossed_at",
      "accompanied_minor",
      "accompanying_person_ref",
      "biometric_match_score",
      "retain_until",
    ],
    world.crossings.map((c) => [
      c.id,
      c.personRef,
      c.documentNumber,
      c.crossingPointCode,
      c.direction,
      c.crossedAt,
      c.accompaniedMinor,
      c.accompanyingPersonRef,
      c.biometricMatchScore,
      c.retainUntil,
    ]),
  );
  await bulkInsert(
    db,
    "entry_refusal",
    ["id", "person_ref", "crossing_point", "refused_on", "reason", "retain_until"],
    world.entryRefusals.map((r) => [r.id, r.personRef, r.crossingPointCode, r.refusedOn, r.reason, r.retainUntil]),
  );
  await bulkInsert(
    db,
    "entry_ban",
    ["id", "person_ref", "issued_on", "valid_until", "grounds", "retain_until"],
    world.entryBans.map((b) => [b.id, b.personRef, b.issuedOn, b.validUntil, b.grounds, b.retainUntil]),
  );
  await bulkInsert(
    db,
    "deportee_screening",
    [
      "id",
      "person_ref",
      "crossing_point",
      "screened_on",
      "deporting_country",
      "return_reason",
      "trafficking_indicators",
      "health_needs",
      "consent_to_share",
      "retain_until",
    ],
    world.deporteeScreenings.map((s) => [
      s.id,
      s.personRef,
      s.crossingPointCode,
      s.screenedOn,
      s.deportingCountry,
      s.returnReason,
      s.traffickingIndicators,
      s.healthNeeds,
      s.consentToShare,
      s.retainUntil,
    ]),
  );
}
