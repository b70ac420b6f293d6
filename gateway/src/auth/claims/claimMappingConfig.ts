/**
 * The `claims:` section of an identity-provider configuration: a preset, and attributes whose rule
 * replaces the preset's. It is read from an operator's file, so every field is bounded and checked,
 * unknown keys are refused (a misspelt attribute must not be silently ignored), and a constant
 * that no token could ever satisfy stops the gateway at start instead of refusing every caller.
 */
import { z } from "zod";
import { isAgency, isForeignAuthorityId, isPurpose } from "@hub/contracts";
import type { ClaimMapping, ClaimRule, MappedAttribute } from "./ClaimMapping";
import { ClaimsUnfit } from "./ClaimsUnfit";
import { MAX_PATH_SEGMENTS } from "./claimPath";
import { CLAIM_PRESET_NAMES, claimPreset } from "./claimPreset";
import { readList, readSingle } from "./readRule";

const pathString = z
  .string()
  .min(1)
  .max(300)
  .refine((p) => !/^\.|\.\.|\.$/.test(p), {
    message: "a claim path has no empty segment (no leading, trailing or double dot)",
  });
const segments = z.array(z.string().min(1).max(200)).min(1).max(MAX_PATH_SEGMENTS);
/** One path, or alternatives (each a path string or an array of segments). */
const claimSchema = z.union([
  pathString,
  z
    .array(z.union([pathString, segments]))
    .min(1)
    .max(8),
]);

/** zod drops a `__proto__` key from a record without a word; an operator who wrote one must hear of it. */
const aliasesSchema = z
  .custom<unknown>((v) => !(typeof v === "object" && v !== null && Object.hasOwn(v, "__proto__")), {
    message: 'an alias cannot be named "__proto__"',
  })
  .pipe(z.record(z.string().min(1).max(200), z.string().min(1).max(200)))
  .refine((aliases) => Object.keys(aliases).length <= 200, { message: "at most 200 aliases" });

const caseSchema = z.enum(["upper", "lower"]);

const ruleSchema = z
  .strictObject({
    claim: claimSchema.optional(),
    value: z.string().min(1).max(200).optional(),
    case: caseSchema.optional(),
    aliases: aliasesSchema.optional(),
    prefix: z.string().min(1).max(100).optional(),
    form: z.enum(["strict", "lenient"]).optional(),
  })
  .refine((rule) => rule.claim === undefined || rule.value === undefined, {
    message: "give either claim or value (a constant), not both",
  });

const scopeSchema = z.strictObject({
  claim: claimSchema,
  prefix: z.string().min(1).max(100),
  case: caseSchema.optional(),
  aliases: aliasesSchema.optional(),
});

const ATTRIBUTES = ["subject", "agency", "authority", "role", "purposes", "country", "cases", "clientId"] as const;

/** What a constant must be for each attribute; attributes not listed take any value. */
const CONSTANT_CHECKS: Partial<Record<MappedAttribute, { list: boolean; ok: (v: string) => boolean; what: string }>> = {
  agency: { list: false, ok: isAgency, what: "an agency of the hub" },
  authority: { list: false, ok: isForeignAuthorityId, what: "a foreign authority id such as TR-PMM" },
  country: { list: false, ok: (v) => /^[A-Z]{2}$/.test(v), what: "an ISO 3166-1 alpha-2 country code" },
  purposes: { list: true, ok: isPurpose, what: "purpose codes of the hub" },
};

function checkConstants(config: Partial<Record<MappedAttribute, ClaimRule | null>>, ctx: z.RefinementCtx) {
  if (config.agency?.value !== undefined && config.authority?.value !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["authority"],
      message: "a constant agency and authority: a caller acts for one body",
    });
  }
  for (const [attribute, check] of Object.entries(CONSTANT_CHECKS)) {
    const rule = config[attribute as MappedAttribute];
    if (!check || rule?.value === undefined) continue;
    let values: string[];
    try {
      values = check.list
        ? (readList({}, rule, attribute)?.values ?? [])
        : [readSingle({}, rule, attribute)?.value ?? ""];
    } catch (error) {
      if (!(error instanceof ClaimsUnfit)) throw error;
      values = [""];
    }
    if (values.length === 0 || !values.every(check.ok)) {
      ctx.addIssue({ code: "custom", path: [attribute, "value"], message: `must be ${check.what}` });
    }
  }
}

export const claimMappingConfigSchema = z
  .strictObject({
    preset: z.enum(CLAIM_PRESET_NAMES).optional(),
    /** Prefix of the hub's own claims for the preset (as HUB_CLAIM_NAMESPACE). */
    namespace: z.string().max(200).optional(),
    subject: ruleSchema.optional(),
    agency: ruleSchema.optional(),
    authority: ruleSchema.optional(),
    role: ruleSchema.optional(),
    purposes: ruleSchema.optional(),
    country: ruleSchema.optional(),
    cases: ruleSchema.optional(),
    clientId: ruleSchema.optional(),
    /** null: no officer claim. */
    officer: ruleSchema.nullable().optional(),
    /** null: scopes do not narrow purposes. */
    scopes: scopeSchema.nullable().optional(),
  })
  .superRefine(checkConstants);
export type ClaimMappingConfig = z.infer<typeof claimMappingConfigSchema>;

/**
 * The mapping a `claims:` section describes: the preset (default `hub`) with each attribute given
 * replacing the preset's rule whole, never merged field by field, so what is written is what holds.
 * `audience` is the hub's audience at this issuer (the Keycloak preset reads that client's roles).
 */
export function claimMappingFromConfig(input: unknown, audience: string): ClaimMapping {
  const parsed = claimMappingConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `.${issue.path.map(String).join(".")}` : "";
    throw new Error(`Invalid claim mapping: claims${where}: ${issue?.message ?? "invalid"}`);
  }
  const { preset = "hub", namespace, ...overrides } = parsed.data;
  const mapping = claimPreset(preset, { audience, ...(namespace !== undefined ? { namespace } : {}) });
  for (const attribute of ATTRIBUTES) {
    const rule = overrides[attribute];
    if (rule !== undefined) mapping[attribute] = rule;
  }
  if (overrides.officer !== undefined) mapping.officer = overrides.officer;
  if (overrides.scopes !== undefined) mapping.scopes = overrides.scopes;
  return mapping;
}
