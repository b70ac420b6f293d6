/**
 * Limits on an operation's size and shape (depth, aliases, directives via GraphQL Armor; tokens
 * via graphql-js's parser), checked before any policy or planning work. Their rejections carry
 * the code QUERY_TOO_COMPLEX. The cost limit needs the variables' values, which validation does
 * not see: the decide stage checks it (decisions/operationCost.ts).
 */
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, type ValidationContext } from "graphql";
import type { GatewayConfig } from "./config";

const rejections = new WeakSet<object>();

/** Reports a limit's rejection as a validation error the normaliser recognises (not Armor's BAD_USER_INPUT). */
const report = (context: ValidationContext | null, error: GraphQLError) => {
  const rejection = new GraphQLError(error.message.replace(/^Syntax Error: /, ""));
  rejections.add(rejection);
  context?.reportError(rejection);
};
const reject = { onReject: [report], propagateOnRejection: false };

export function createLimits(limits: Omit<GatewayConfig["limits"], "cost">) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.depth, ...reject },
    maxAliases: { n: limits.aliases, ...reject },
    // Armor counts list sizes written literally only; decisions/operationCost.ts counts variables too.
    costLimit: { enabled: false },
    maxDirectives: { n: limits.directives, ...reject },
    // graphql-js counts tokens while parsing (parseOptions below), which fails as a clean 400.
    maxTokens: { enabled: false },
    // Armor masks suggestions with a plugin; the error normaliser does it, so Apollo runs one plugin only.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: limits.tokens },
  };
}

/** True for an error raised by one of the limits (Apollo wraps it; the original is kept). */
export function isLimitRejection(error: unknown): boolean {
  const original = (error as { originalError?: unknown } | null)?.originalError;
  if (typeof error === "object" && error !== null && rejections.has(error)) return true;
  if (typeof original === "object" && original !== null && rejections.has(original)) return true;
  return error instanceof Error && /Document contains more tha[nt] \d+ tokens/.test(error.message);
}
