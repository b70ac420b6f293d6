/**
 * Record-level enforcement in a subgraph (R5-4, R6-1, R14-3): decides each record, with the facts
 * the policies read from it, before it is returned, using the same policy set as the gateway.
 */
import { GraphQLError } from "graphql";
import type { Logger } from "pino";
import type { Agency, DataCategory, HubContextClaims } from "@hub/contracts";
import type { Decision, PolicyDecisionPoint, RecordFacts } from "@hub/policies";
import { today as utcToday } from "./today";

export type { RecordFacts };

/** What the policies need to know of one record; may read other records (e.g. a person's birth date). */
export type FactsOf<T> = (record: T) => RecordFacts | Promise<RecordFacts>;

export interface RecordGuardOptions {
  pdp: PolicyDecisionPoint;
  /** The agency whose subgraph this is: the owner of every record it decides. */
  owner: Agency;
  hub: HubContextClaims;
  log: Logger;
  /** Decision date, YYYY-MM-DD; today (UTC) by default. */
  today?: () => string;
}

export class RecordGuard {
  /** personRefs of the persons whose data this request disclosed; reported to the gateway's audit (R9-1). */
  readonly disclosed = new Set<string>();

  constructor(private readonly options: RecordGuardOptions) {}

  /** The records this caller may see; the others are withheld without a trace. */
  async disclose<T>(records: readonly T[], category: DataCategory, factsOf: FactsOf<T>): Promise<T[]> {
    const decided = await Promise.all(records.map(async (record) => ({ record, facts: await factsOf(record) })));
    const kept = decided.filter(({ facts }) => this.decide(category, facts).allowed).map(({ record }) => record);
    for (const record of kept) this.note((record as { personRef?: unknown }).personRef);
    return kept;
  }

  /** Records that data about this person is being disclosed (entity references, flags). */
  note(personRef: unknown): void {
    if (typeof personRef === "string" && personRef.length > 0) this.disclosed.add(personRef);
  }

  /** One record, or null when it is withheld: a look-up does not reveal that the record exists. */
  async one<T>(record: T | null | undefined, category: DataCategory, factsOf: FactsOf<T>): Promise<T | null> {
    if (record === null || record === undefined) return null;
    const [kept] = await this.disclose([record], category, factsOf);
    return kept ?? null;
  }

  /** Throws FORBIDDEN when the policies deny this category of data about this record. */
  field(category: DataCategory, facts: RecordFacts): void {
    const decision = this.decide(category, facts);
    if (!decision.allowed) throw this.forbidden(category, decision);
  }

  /**
   * For derived flags: the records within retention (R5-4). A flag discloses no content, so the
   * caller's right to read flags is decided once and each record only with its retention date.
   */
  retained<T extends { retainUntil: string }>(records: readonly T[], factsOf?: (record: T) => RecordFacts): T[] {
    const flags = this.decide("FLAG");
    if (!flags.allowed) throw this.forbidden("FLAG", flags);
    return records.filter((r) => this.decide("FLAG", factsOf?.(r) ?? { retainUntil: r.retainUntil }).allowed);
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

  private forbidden(category: DataCategory, decision: Decision): GraphQLError {
    const { owner } = this.options;
    const rule = decision.rule ?? "R5-1";
    return new GraphQLError(
      `${category} data of ${owner} about this record is not disclosed: ${decision.reason ?? "denied"} [${rule}, ${decision.article ?? ""}]`,
      {
        extensions: {
          code: "FORBIDDEN",
          rule,
          article: decision.article,
          reason: decision.reason,
          category,
          owner,
          policies: decision.policies,
        },
      },
    );
  }
}
