/**
 * The policy decision point: one per process. Loads the policy set once, evaluates it with Cedar
 * on pre-parsed policies, caches decisions for one policy version, and fails closed: if the engine
 * cannot load or evaluate, the answer is an error, never an allow.
 */
import { createHash } from "node:crypto";
import { preparsePolicySet, preparseSchema, statefulIsAuthorized, validate } from "@cedar-policy/cedar-wasm/nodejs";
import type { Principal, Purpose } from "@hub/contracts";
import {
  buildEntityCatalog,
  callerUid,
  dataUid,
  entitiesFor,
  READ_ACTION,
  type DecidedCategory,
  type EntityCatalog,
} from "./entities";
import { loadPolicySet, type LoadedPolicySet, type PolicyPaths } from "./policySet";
import { regimeOf } from "./regimes";

export interface RecordFacts {
  retainUntil?: string;
  subjectMinor?: boolean;
  assignedCaseworker?: string;
  countryOfOrigin?: string;
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

const CACHE_LIMIT = 50_000;

/**
 * Policies compare a record's retention date only with today (R5-4), so for caching what counts is
 * which side of today it falls on; without this nearly every record would be its own cache key.
 */
const retentionSide = (retainUntil: string | undefined, today: string) =>
  retainUntil === undefined ? undefined : retainUntil < today ? "past" : "kept";
const utcDay = () => new Date().toISOString().slice(0, 10);
const datetime = (day: string) => ({ __extn: { fn: "datetime", arg: day } });

export class PolicyDecisionPoint {
  private readonly cache = new Map<string, Decision>();
  private readonly catalog: EntityCatalog;
  private readonly policySetId: string;

  private constructor(
    readonly policySet: LoadedPolicySet,
    private readonly hubCountry: string,
  ) {
    this.catalog = buildEntityCatalog(policySet.agreements);
    this.policySetId = `hub-${policySet.version}`;
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
    const parsed = preparsePolicySet(this.policySetId, { staticPolicies });
    if (parsed.type !== "success") throw new PolicyEngineError(`policies: ${parsed.errors[0]?.message}`);
  }

  /** Loads, validates (strict) and pre-parses the policy set; throws if any part is wrong. */
  static load(paths: PolicyPaths, hubCountry: string): PolicyDecisionPoint {
    return new PolicyDecisionPoint(loadPolicySet(paths), hubCountry);
  }

  /** Hash of policies, agreements, regimes and the hub's country: what a replay needs (R10-3). */
  get version(): string {
    return createHash("sha256").update(`${this.policySet.version}\n${this.hubCountry}`).digest("hex");
  }

  decide(request: DecisionRequest): Decision {
    const today = request.today ?? utcDay();
    const { principal } = request;
    const regime = regimeOf(this.policySet.regimes, principal.country, this.hubCountry);
    const key = JSON.stringify([
      principal.agency,
      principal.role,
      principal.country,
      [...principal.purposes].sort(),
      request.record ? principal.subject : "",
      request.purpose,
      request.category,
      request.owner,
      today,
      request.authorizationUntil ?? "",
      request.unkeyedList ?? false,
      request.record ? { ...request.record, retainUntil: retentionSide(request.record.retainUntil, today) } : null,
    ]);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const decision = this.evaluate(request, today, regime);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, decision);
    return decision;
  }

  private evaluate(request: DecisionRequest, today: string, regime: string): Decision {
    const { principal, record } = request;
    const context: Record<string, unknown> = {
      purpose: request.purpose,
      now: datetime(today),
      hubCountry: this.hubCountry,
      callerRegime: regime,
      unkeyedList: request.unkeyedList ?? false,
      ...(request.authorizationUntil ? { authorizationUntil: datetime(request.authorizationUntil) } : {}),
      ...(record
        ? {
            record: {
              ...(record.retainUntil ? { retainUntil: datetime(record.retainUntil) } : {}),
              ...(record.subjectMinor !== undefined ? { subjectMinor: record.subjectMinor } : {}),
              ...(record.assignedCaseworker ? { assignedCaseworker: record.assignedCaseworker } : {}),
              ...(record.countryOfOrigin ? { countryOfOrigin: record.countryOfOrigin } : {}),
            },
          }
        : {}),
    };
    const answer = statefulIsAuthorized({
      principal: callerUid(principal),
      action: READ_ACTION,
      resource: dataUid(request.owner, request.category),
      context: context as never,
      entities: entitiesFor(this.catalog, principal, request.category, request.owner),
      preparsedPolicySetId: this.policySetId,
      preparsedSchemaName: "hub",
      validateRequest: true,
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
