/**
 * Builds a subject access report (R9-1, 108+ Art. 9(1)(b)): every disclosure of one person's data,
 * with its legal basis. Disclosures whose `releaseAfter` date has not come yet (criminal
 * investigations, Art. 11) are left out, and nothing says that any were.
 */
import type { DataSource } from "typeorm";
import type { AuditEventContent } from "@hub/contracts";
import type { Agreement } from "@hub/policies";
import { AuditEventRecord } from "./AuditEventRecord.entity";
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
  const rows = await db
    .getRepository(AuditEventRecord)
    .createQueryBuilder("e")
    .where("e.person_refs @> ARRAY[:personRef]::text[]", { personRef })
    .andWhere("e.outcome IN (:...outcomes)", { outcomes: DISCLOSING_OUTCOMES })
    .andWhere("(e.release_after IS NULL OR e.release_after <= :today)", { today: options.today })
    .orderBy("e.seq", "ASC")
    .getMany();
  const disclosures = rows
    .map((row) => JSON.parse(row.content) as AuditEventContent)
    // The content decides, the columns only select: both must let the disclosure through.
    .filter((event) => event.disclosedPersonRefs.includes(personRef) && DISCLOSING_OUTCOMES.includes(event.outcome))
    .filter((event) => !event.releaseAfter || event.releaseAfter.slice(0, 10) <= options.today)
    .map((event) => {
      const agreements = event.agreements.map((id) => basis(id, options.agreements.get(id)));
      return {
        occurredAt: new Date(event.occurredAt),
        agency: event.agency,
        role: event.role,
        purpose: event.purpose,
        categories: event.categories,
        agreements,
        legalBasis: [...new Set(agreements.flatMap((a) => (a.legalBasis ? [a.legalBasis] : [])))],
      };
    });
  return { personRef, generatedAt: options.now ?? new Date(), disclosures };
}

const basis = (id: string, agreement: Agreement | undefined): DisclosureAgreement => ({
  id,
  title: agreement?.title ?? null,
  provider: agreement?.provider ?? null,
  legalBasis: agreement?.legalBasis ?? null,
});
