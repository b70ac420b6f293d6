/**
 * The policy decision point: one per process. Loads the policy set once, evaluates it with Cedar
 * on pre-parsed policies, caches decisions for one policy version, and fails closed: if the engine
 * cannot load or evaluate, the answer is an error, never an allow.
 */
import { createHash } from "node:crypto";
import { preparseSchema, statefulIsAuthorized, validate } from "@cedar-policy/cedar-wasm/nodejs";
import type { Principal, Purpose } from "@hub/contracts";
import {
  bodyOf,
  buildEntityCatalog,
  callerUid,
  dataUid,
  entitiesFor,
  READ_ACTION,
  type CallerFacts,
  type DecidedCategory,
  type EntityCatalog,
} from "./entities";
import { PolicyPartitions } from "./PolicyPartitions";
import { loadPolicySet, type LoadedPolicySet, type PolicyPaths } from "./policySet";
import { regimeOf } from "./regimes";
import type { PolicySnapshot } from "./snapshot/PolicySnapshot";
import { withSnapshotFiles } from "./snapshot/snapshotFiles";

export interface RecordFacts {
  retainUntil?: string;
  subjectMinor?: boolean;
  assignedCaseworker?: string;
  countryOfOrigin?: string;
  /** The record exists only because of an asylum decision (e.g. a refugee travel document), R14-3. */
  asylumDerived?: boolean;
}

export interface DecisionRequest {
  principal: Principal;
  purpose: Purpose;
  category: DecidedCategory;
  owner: string;
  /** Valid-until date (YYYY-MM-DD) of the caller's authorisation reference, if any. */
  authorizationUntil?: string;
  unkeyedList?: boolean;
  record?: RecordFacts;
  /** Decision date, YYYY-MM-DD; today by default. */
  today?: string;
}

export interface Decision {
  allowed: boolean;
  /** Policies that determined the decision: the granting agreements, or the forbidding rules. */
  policies: string[];
  /** For a denial: the rule that decided it, its article and what it says. */
  rule?: string;
  article?: string;
  reason?: string;
}

export class PolicyEngineError extends Error {}

const NO_AGREEMENT: Decision = {
  allowed: false,
  policies: [],
  rule: "R5-1",
  article: "108+ Art. 5(2), 5(4)(b)",
  reason: "No active data-sharing agreement grants this category to your agency and role for this purpose.",
};

/** When several rules forbid, the denial names the most specific one (all are listed in `policies`). */
const RULE_PRIORITY = [
  "R10-1",
  "R5-1",
  "RA-1-audit-log",
  "RA-1",
  "R5-6",
  "R14-3",
  "R14-1",
  "R14-2",
  "R11-1",
  "R6-3",
  "R6-1-caseworker",
  "R6-1-minors",
  "R6-1",
  "R5-4",
  "R5-3",
];
const priority = (id: string) => {
  const index = RULE_PRIORITY.indexOf(id);
  return index === -1 ? RULE_PRIORITY.length : index;
};

const DEFAULT_CACHE_LIMIT = 50_000;

export interface DecisionPointOptions {
  /** Decisions kept per policy version; 0 turns the cache off (every decision is evaluated). */
  cacheLimit?: number;
  /**
   * partitioned (default): each request is handed only the policies that can apply to it
   * (PolicyPartitions) and is not validated against the schema again, its shape being fixed by
   * this file and entities.ts; reference: the whole policy set, every request validated against
   * the schema. Tests prove the two decide alike; the reference costs about twice the time.
   */
  evaluation?: "partitioned" | "reference";
}

const utcDay = () => new Date().toISOString().slice(0, 10);
const datetime = (day: string) => ({ __extn: { fn: "datetime", arg: day } });
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Whether every policy reads a record's retention date only as `retainUntil < now` (R5-4). Then a
 * retention date can be passed to the engine as a representative of its side of today (the day
 * before, or today itself) without changing any decision, and records of a list share cached
 * decisions instead of each being its own. A policy reading it any other way turns this off.
 */
export function readsRetentionOnlyAgainstNow(texts: Iterable<string>): boolean {
  for (const text of texts) {
    const uses = text.match(/retainUntil/g)?.length ?? 0;
    const tests = text.match(/context\.record has retainUntil/g)?.length ?? 0;
    const comparisons = text.match(/context\.record\.retainUntil < context\.now(?![\w.])/g)?.length ?? 0;
    if (uses !== tests + comparisons) return false;
  }
  return true;
}

/**
 * Everything the engine is given for one decision, and nothing else: the principal's uid and
 * attributes come from `caller`, the resource's uid and attributes from `owner` and `category`,
 * the entities from those three and the policy set (fixed per decision point), the context as is.
 * The cache key is this object serialised, so no attribute a policy reads can be left out of it.
 */
interface CedarInputs {
  caller: CallerFacts;
  category: DecidedCategory;
  owner: string;
  context: Record<string, unknown>;
}

/** A decision point's version: its policy set's hash with the hub's country (R10-3). */
export const policyVersionOf = (policySetVersion: string, hubCountry: string): string =>
  createHash("sha256").update(`${policySetVersion}\n${hubCountry}`).digest("hex");

export class PolicyDecisionPoint {
  private readonly cache = new Map<string, Decision>();
  private readonly catalog: EntityCatalog;
  private readonly partitions: PolicyPartitions;
  private readonly evaluation: "partitioned" | "reference";
  private readonly cacheLimit: number;
  private readonly bucketRetention: boolean;

  private constructor(
    readonly policySet: LoadedPolicySet,
    private readonly hubCountry: string,
    options: DecisionPointOptions,
  ) {
    this.catalog = buildEntityCatalog(policySet.agreements);
    this.cacheLimit = options.cacheLimit ?? DEFAULT_CACHE_LIMIT;
    this.evaluation = options.evaluation ?? "partitioned";
    this.bucketRetention = readsRetentionOnlyAgainstNow([...policySet.policies.values()].map((p) => p.text));
    const staticPolicies = Object.fromEntries([...policySet.policies].map(([id, p]) => [id, p.text]));
    const schemaResult = preparseSchema("hub", policySet.schema);
    if (schemaResult.type !== "success") throw new PolicyEngineError(`schema: ${schemaResult.errors[0]?.message}`);
    const validation = validate({
      schema: policySet.schema,
      policies: { staticPolicies },
      validationSettings: { mode: "strict" },
    });
    if (validation.type !== "success") throw new PolicyEngineError(`validation: ${validation.errors[0]?.message}`);
    const invalid = validation.validationErrors[0];
    if (invalid) throw new PolicyEngineError(`policy ${invalid.policyId}: ${invalid.error.message}`);
    try {
      this.partitions = new PolicyPartitions(policySet, `hub-${policySet.version}`);
    } catch (error) {
      throw new PolicyEngineError((error as Error).message);
    }
  }

  /** Loads, validates (strict) and pre-parses the policy set; throws if any part is wrong. */
  static load(paths: PolicyPaths, hubCountry: string, options: DecisionPointOptions = {}): PolicyDecisionPoint {
    return new PolicyDecisionPoint(loadPolicySet(paths, { hubCountry }), hubCountry, options);
  }

  /**
   * The decision point of a recorded policy version (policySnapshot), built by the same loaders
   * as `load`: its `version` is the one the snapshot was taken of.
   */
  static fromSnapshot(snapshot: PolicySnapshot, options: DecisionPointOptions = {}): PolicyDecisionPoint {
    return withSnapshotFiles(snapshot, (paths) => PolicyDecisionPoint.load(paths, snapshot.hubCountry, options));
  }

  /**
   * A rule as the policy set states it (id, article, description), for refusals decided outside the
   * engine (a key's format, a purpose, a silent refusal); throws for a rule the set does not have.
   */
  rule(id: string): { rule: string; article: string; reason: string; policies: string[] } {
    const policy = this.policySet.policies.get(id);
    if (!policy) throw new PolicyEngineError(`the policy set has no rule ${id}`);
    return { rule: policy.id, article: policy.article, reason: policy.description, policies: [] };
  }

  /** Hash of policies, agreements, regimes and the hub's country: what a replay needs (R10-3). */
  get version(): string {
    return policyVersionOf(this.policySet.version, this.hubCountry);
  }

  decide(request: DecisionRequest): Decision {
    const inputs = this.inputsOf(request);
    if (this.cacheLimit === 0) return this.evaluate(inputs);
    const { caller, category, owner, context } = inputs;
    const key = JSON.stringify([
      caller.subject,
      caller.agency,
      caller.role,
      caller.country,
      caller.purposes,
      category,
      owner,
      context,
    ]);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const decision = this.evaluate(inputs);
    if (this.cache.size >= this.cacheLimit) this.cache.clear();
    this.cache.set(key, decision);
    return decision;
  }

  /** The engine's request, built with a fixed key order so that equal requests serialise equally. */
  private inputsOf(request: DecisionRequest): CedarInputs {
    const today = request.today ?? utcDay();
    const { principal, record } = request;
    const retainUntil = record?.retainUntil;
    const retention =
      retainUntil !== undefined && this.bucketRetention && ISO_DAY.test(retainUntil) && ISO_DAY.test(today)
        ? retainUntil < today
          ? dayBefore(today)
          : today
        : retainUntil;
    return {
      caller: {
        subject: principal.subject,
        agency: principal.agency,
        role: principal.role,
        country: principal.country,
        // A Cedar set: its order means nothing, so one order for all.
        purposes: [...new Set(principal.purposes)].sort(),
      },
      category: request.category,
      owner: request.owner,
      context: {
        purpose: request.purpose,
        now: datetime(today),
        hubCountry: this.hubCountry,
        callerRegime: regimeOf(this.policySet.regimes, principal.country, this.hubCountry),
        unkeyedList: request.unkeyedList ?? false,
        ...(request.authorizationUntil ? { authorizationUntil: datetime(request.authorizationUntil) } : {}),
        ...(record
          ? {
              record: {
                ...(retention ? { retainUntil: datetime(retention) } : {}),
                ...(record.subjectMinor !== undefined ? { subjectMinor: record.subjectMinor } : {}),
                ...(record.assignedCaseworker ? { assignedCaseworker: record.assignedCaseworker } : {}),
                ...(record.countryOfOrigin ? { countryOfOrigin: record.countryOfOrigin } : {}),
                ...(record.asylumDerived !== undefined ? { asylumDerived: record.asylumDerived } : {}),
              },
            }
          : {}),
      },
    };
  }

  /** Which pre-parsed policies the engine evaluates, and whether it validates the request first. */
  private engineSettings(caller: CallerFacts, owner: string) {
    switch (this.evaluation) {
      case "partitioned":
        return {
          preparsedPolicySetId: this.partitions.setFor(bodyOf(caller, this.hubCountry)?.uid.id ?? null, owner),
          validateRequest: false,
        };
      case "reference":
        return { preparsedPolicySetId: this.partitions.whole, preparsedSchemaName: "hub", validateRequest: true };
    }
  }

  private evaluate({ caller, category, owner, context }: CedarInputs): Decision {
    const answer = statefulIsAuthorized({
      principal: callerUid(caller),
      action: READ_ACTION,
      resource: dataUid(owner, category),
      context: context as never,
      entities: entitiesFor(this.catalog, caller, category, owner, this.hubCountry),
      ...this.engineSettings(caller, owner),
    });
    if (answer.type !== "success") {
      throw new PolicyEngineError(`policy evaluation failed: ${answer.errors[0]?.message ?? "unknown error"}`);
    }
    const { decision, diagnostics } = answer.response;
    if (diagnostics.errors.length > 0) {
      // A policy that errors is skipped by Cedar; for a forbid that would fail open.
      throw new PolicyEngineError(
        `policy ${diagnostics.errors[0]?.policyId} failed: ${diagnostics.errors[0]?.error.message}`,
      );
    }
    const policies = [...diagnostics.reason].sort();
    if (decision === "allow") return { allowed: true, policies };
    const first = [...policies]
      .sort((a, b) => priority(a) - priority(b))
      .map((id) => this.policySet.policies.get(id))
      .find((p) => p?.effect === "forbid");
    if (!first) return NO_AGREEMENT;
    return { allowed: false, policies, rule: first.id, article: first.article, reason: first.description };
  }
}
