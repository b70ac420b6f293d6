/**
 * Builds a subject access report (R9-1, 108+ Art. 9(1)(b)): every disclosure of one person's data,
 * with its legal basis and its recipient: the agency or foreign authority and its country (R14-2).
 * Disclosures whose `releaseAfter` date has not come yet (criminal investigations, Art. 11) are left
 * out, and nothing says that any were. What was withheld under R14-3 was not disclosed, so it is not
 * listed: a request that received nothing else is no disclosure at all.
 */
import type { DataSource } from "typeorm";
import { isForeignAuthorityId, type AuditEventContent } from "@hub/contracts";
import type { Agreement } from "@hub/policies";
import { filteredEvents } from "./searchAuditEvents";
import type { DisclosureAgreement, SubjectAccessReport } from "./SubjectAccessReport.type";

export interface SubjectAccessOptions {
  agreements: ReadonlyMap<string, Agreement>;
  /** YYYY-MM-DD (UTC): disclosures released after it stay hidden. */
  today: string;
  now?: Date;
}

const DISCLOSING_OUTCOMES = ["ALLOWED", "PARTIAL"];

export async function subjectAccessReport(
  db: DataSource,
  personRef: string,
  options: SubjectAccessOptions,
): Promise<SubjectAccessReport> {
  // The same release rule as the raw log's under SUBJECT_ACCESS (recordRules.ts): one filter for both.
  const rows = await filteredEvents(db, { personRef, releasedBy: options.today })
    .andWhere("e.outcome IN (:...outcomes)", { outcomes: DISCLOSING_OUTCOMES })
    .orderBy("e.seq", "ASC")
    .getMany();
  const disclosures = rows
    .map((row) => JSON.parse(row.content) as AuditEventContent)
    // The content decides, the columns only select: both must let the disclosure through.
    .filter((event) => event.disclosedPersonRefs.includes(personRef) && DISCLOSING_OUTCOMES.includes(event.outcome))
    .filter((event) => !event.releaseAfter || event.releaseAfter.slice(0, 10) <= options.today)
    .map((event) => ({ event, categories: disclosedCategories(event, personRef) }))
    .filter(({ categories }) => categories.length > 0)
    .map(({ event, categories }) => {
      const agreements = event.agreements.map((id) => basis(id, options.agreements.get(id)));
      return {
        occurredAt: new Date(event.occurredAt),
        agency: event.agency,
        country: event.country,
        authority: event.agency,
        authorityName: authorityName(event.agency, options.agreements),
        role: event.role,
        purpose: event.purpose,
        categories,
        agreements,
        legalBasis: [...new Set(agreements.flatMap((a) => (a.legalBasis ? [a.legalBasis] : [])))],
      };
    });
  return { personRef, generatedAt: options.now ?? new Date(), disclosures };
}

/** The field a refusal's path ends at (`isProtectionHolder` for `["_entities", 0, "isProtectionHolder"]`). */
const fieldAt = (path: readonly (string | number)[]) => [...path].reverse().find((k) => typeof k === "string");

/**
 * The event's categories for one person, less those withheld from that person's records under
 * R14-3 (silently, so the caller's answer looked complete): a category stays only if a field of it
 * other than the withheld ones was served. A refusal that does not say whose records it withheld
 * counts for everyone in the event.
 */
export function disclosedCategories(event: AuditEventContent, personRef: string): string[] {
  const withheld = (event.refusals ?? []).filter(
    (r) => r.rule === "R14-3" && (!r.personRefs || r.personRefs.includes(personRef)),
  );
  if (withheld.length === 0) return event.categories;
  const withheldFields = new Set(withheld.map((r) => fieldAt(r.path)));
  const withheldCategories = new Set(withheld.map((r) => r.category));
  return event.categories.filter(
    (category) =>
      !withheldCategories.has(category) ||
      event.fieldsAllowed.some((f) => f.category === category && !withheldFields.has(f.field.split(".")[1])),
  );
}

/** The name an agreement gives a foreign recipient (the latest on file), or null for an agency. */
function authorityName(agency: string | null, agreements: ReadonlyMap<string, Agreement>): string | null {
  if (!isForeignAuthorityId(agency)) return null;
  let name: string | null = null;
  for (const a of agreements.values()) {
    if (typeof a.consumer !== "string" && a.consumer.authority === agency) name = a.consumer.name;
  }
  return name;
}

const basis = (id: string, agreement: Agreement | undefined): DisclosureAgreement => ({
  id,
  title: agreement?.title ?? null,
  provider: agreement?.provider ?? null,
  legalBasis: agreement?.legalBasis ?? null,
});
