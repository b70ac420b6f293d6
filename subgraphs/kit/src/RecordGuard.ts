/**
 * Record-level enforcement in a subgraph (R5-4, R6-1, R14-3): decides each record, with the facts
 * the policies read from it, before it is returned, using the same policy set as the gateway. A
 * withheld record is a refusal, not an absence (R7-2): the guard keeps, per response path and rule,
 * what it withheld, for the caller (a FORBIDDEN error) and for the gateway's audit (the report).
 */
import { GraphQLError, responsePathAsArray, type GraphQLResolveInfo } from "graphql";
import type { Logger } from "pino";
import {
  forbiddenError,
  type Agency,
  type DataCategory,
  type ForbiddenError,
  type HubContextRequestClaims,
  type RefusalDecision,
  type WithheldReport,
} from "@hub/contracts";
import type { Decision, PolicyDecisionPoint, RecordFacts } from "@hub/policies";
import { today as utcToday } from "./today";

export type { RecordFacts };

/** What the policies need to know of one record; may read other records (e.g. a person's birth date). */
export type FactsOf<T> = (record: T) => RecordFacts | Promise<RecordFacts>;

/** Where decided records go in the subgraph's response, and what they are. */
export interface Placement {
  /** The resolver's info (type-graphql `@Info()`): its path is where a refusal is reported. */
  info: Pick<GraphQLResolveInfo, "path" | "fieldName">;
  /** The records' GraphQL type, as a refusal names them. */
  type: string;
}

export interface RecordGuardOptions {
  pdp: PolicyDecisionPoint;
  /** The agency whose subgraph this is: the owner of every record it decides. */
  owner: Agency;
  hub: HubContextRequestClaims;
  log: Logger;
  /** Decision date, YYYY-MM-DD; today (UTC) by default. */
  today?: () => string;
}

/**
 * R14-3: naming the refusal would tell the applicant's country of origin that an application
 * exists, so the caller is not told; the gateway's audit still is.
 */
const SILENT_RULE = "R14-3";

type Kind = "list" | "record" | "field";

interface Withholding {
  report: WithheldReport;
  kind: Kind;
  type: string;
  decision: RefusalDecision;
}

export class RecordGuard {
  /** personRefs of the persons whose data this request disclosed; reported to the gateway's audit (R9-1). */
  readonly disclosed = new Set<string>();
  /** What was withheld, one entry per (response path, rule), keyed by both. */
  private readonly withholdings = new Map<string, Withholding>();

  constructor(private readonly options: RecordGuardOptions) {}

  /** The agency that owns every record this guard decides. */
  get owner(): Agency {
    return this.options.owner;
  }

  /** The records of a list this caller may see; the others are reported as withheld at the list's path. */
  async disclose<T>(records: readonly T[], category: DataCategory, factsOf: FactsOf<T>, at: Placement): Promise<T[]> {
    return this.sift(records, category, factsOf, at, "list");
  }

  /** Records that data about this person is being disclosed (entity references, flags). */
  note(personRef: unknown): void {
    if (typeof personRef === "string" && personRef.length > 0) this.disclosed.add(personRef);
  }

  /** One record, or null when it is withheld (reported at the field's path, so the caller learns why). */
  async one<T>(
    record: T | null | undefined,
    category: DataCategory,
    factsOf: FactsOf<T>,
    at: Placement,
  ): Promise<T | null> {
    if (record === null || record === undefined) return null;
    const [kept] = await this.sift([record], category, factsOf, at, "record");
    return kept ?? null;
  }

  /**
   * Decides a field of another category than its record's (a minor's biometric score, R6-1-minors).
   * Throws FORBIDDEN when denied; answers false (serve null, no error) when the refusal is silent.
   */
  field(category: DataCategory, facts: RecordFacts, at?: Placement): boolean {
    const decision = this.decide(category, facts);
    if (decision.allowed) return true;
    const refusal = this.refusalOf(decision);
    if (at) this.withhold(at, "field", category, refusal, [undefined]);
    if (refusal.silent) return false;
    const subject = at ? `${at.type}.${at.info.fieldName}` : "This field";
    throw toGraphQLError(forbiddenError({ subject, category, owner: this.owner, decision: refusal }));
  }

  /**
   * For derived flags: the records within retention (R5-4). A flag discloses no content, so the
   * caller's right to read flags is decided once and each record only with its retention date.
   */
  retained<T extends { retainUntil: string }>(
    records: readonly T[],
    factsOf?: (record: T) => RecordFacts,
    at?: Placement,
  ): T[] {
    const flags = this.decide("FLAG");
    if (!flags.allowed) {
      const decision = this.refusalOf(flags);
      throw toGraphQLError(forbiddenError({ subject: "This flag", category: "FLAG", owner: this.owner, decision }));
    }
    let silent: (RefusalDecision & { silent: boolean }) | undefined;
    const silentRecords: T[] = [];
    const kept = records.filter((r) => {
      const decision = this.decide("FLAG", factsOf?.(r) ?? { retainUntil: r.retainUntil });
      if (decision.allowed) return true;
      // A record the flag may not count for this caller (R14-3) is still reported to the audit log.
      const refusal = this.refusalOf(decision);
      if (refusal.silent) {
        silent = refusal;
        silentRecords.push(r);
      }
      return false;
    });
    if (silent && at) this.withhold(at, "field", "FLAG", silent, silentRecords);
    return kept;
  }

  /** The rule as the policy set states it (id, article, description), for refusals decided outside the engine. */
  rule(id: string): RefusalDecision {
    return this.options.pdp.rule(id);
  }

  /** What this request withheld, for the gateway (WITHHELD_EXTENSION); never shown to the caller. */
  withheld(): WithheldReport[] {
    return this.sorted().map((w) => w.report);
  }

  /**
   * The FORBIDDEN errors the caller gets for withheld records: one per list path and rule (with
   * `withheld: <count>`) or per single record (`withheld: 1`). Field refusals are thrown where they happen, and
   * silent refusals (R14-3) get none.
   */
  refusals(): ForbiddenError[] {
    return this.sorted()
      .filter((w) => !w.report.silent && w.kind !== "field")
      .map(({ report, kind, type, decision }) =>
        forbiddenError({
          subject:
            kind === "list" ? `${report.count} ${type} record${report.count === 1 ? "" : "s"}` : `This ${type} record`,
          plural: kind === "list" && report.count !== 1,
          category: report.category,
          owner: report.owner,
          decision,
          path: report.path,
          // How many records this refusal stands for (1 for a single record, which is then null).
          extensions: { withheld: report.count },
        }),
      );
  }

  /** By path, then rule: resolvers finish in any order, the report and errors do not depend on it. */
  private sorted(): Withholding[] {
    return [...this.withholdings.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, w]) => w);
  }

  private async sift<T>(
    records: readonly T[],
    category: DataCategory,
    factsOf: FactsOf<T>,
    at: Placement,
    kind: Kind,
  ): Promise<T[]> {
    const decided = await Promise.all(records.map(async (record) => ({ record, facts: await factsOf(record) })));
    const kept: T[] = [];
    const denied = new Map<string, { refusal: RefusalDecision & { silent: boolean }; records: T[] }>();
    for (const { record, facts } of decided) {
      const decision = this.decide(category, facts);
      if (decision.allowed) {
        kept.push(record);
        continue;
      }
      const refusal = this.refusalOf(decision);
      const entry = denied.get(refusal.rule) ?? { refusal, records: [] };
      entry.records.push(record);
      denied.set(refusal.rule, entry);
    }
    for (const { refusal, records: withheld } of denied.values()) this.withhold(at, kind, category, refusal, withheld);
    for (const record of kept) this.note((record as { personRef?: unknown }).personRef);
    return kept;
  }

  private withhold(
    at: Placement,
    kind: Kind,
    category: DataCategory,
    refusal: RefusalDecision & { silent: boolean },
    records: readonly unknown[],
  ): void {
    const path = responsePathAsArray(at.info.path);
    const key = JSON.stringify([path, refusal.rule]);
    const count = records.length;
    // Whose records were withheld, for the audit log only: a subject access report must tell whose
    // record a silent refusal concerned (R9-1, R14-3).
    const personRefs = records.flatMap((r) => {
      const ref = (r as { personRef?: unknown } | null)?.personRef;
      return typeof ref === "string" && ref.length > 0 ? [ref] : [];
    });
    const existing = this.withholdings.get(key);
    if (existing) {
      existing.report.count += count;
      existing.report.personRefs = [...new Set([...(existing.report.personRefs ?? []), ...personRefs])].sort();
      return;
    }
    const { silent, ...decision } = refusal;
    this.withholdings.set(key, {
      kind,
      type: at.type,
      decision,
      report: {
        rule: decision.rule,
        article: decision.article,
        category,
        owner: this.owner,
        path,
        count,
        silent,
        ...(personRefs.length > 0 ? { personRefs: [...new Set(personRefs)].sort() } : {}),
      },
    });
  }

  /** The refusal a denial stands for; one R14-3 took part in is silent and named R14-3 to the audit. */
  private refusalOf(decision: Decision): RefusalDecision & { silent: boolean } {
    const policies = decision.policies;
    if (decision.rule === SILENT_RULE || policies.includes(SILENT_RULE)) {
      return { ...this.rule(SILENT_RULE), policies, silent: true };
    }
    return {
      rule: decision.rule ?? "R5-1",
      article: decision.article ?? "",
      reason: decision.reason ?? "denied",
      policies,
      silent: false,
    };
  }

  private decide(category: DataCategory, record?: RecordFacts): Decision {
    const { pdp, owner, hub, log, today = utcToday } = this.options;
    try {
      return pdp.decide({
        principal: hub.principal,
        purpose: hub.purpose,
        category,
        owner,
        ...(hub.authorizationUntil ? { authorizationUntil: hub.authorizationUntil } : {}),
        ...(record ? { record } : {}),
        today: today(),
      });
    } catch (error) {
      // Fail closed: without a decision no record leaves (the response then carries no data at all).
      log.error({ err: error, category }, "policy engine failed; nothing served");
      throw new GraphQLError("The policy engine could not decide; nothing is served.", {
        extensions: { code: "POLICY_UNAVAILABLE" },
      });
    }
  }
}

/** A refusal thrown from a resolver: graphql-js sets the path, the shape is contracts' one. */
export function toGraphQLError(error: ForbiddenError): GraphQLError {
  return new GraphQLError(error.message, { extensions: error.extensions });
}
