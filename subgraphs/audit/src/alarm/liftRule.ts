/**
 * Who lifts a suspension (R7-3): the data-protection officer, answering for the hub's compliance.
 * The policies already grant the audit log under SUBJECT_ACCESS to the hub operator's `dpo` role
 * alone (RA-1-audit-log-read) and under AUDIT to its auditors; lifting is the one write, and the
 * auditor who reads the alarms is not the one to end them, so a lift also needs SUBJECT_ACCESS.
 */
import { GraphQLError } from "graphql";
import type { Context } from "../loaders";
import { authorise } from "../recordRules";

export const LIFT_RULE = { rule: "R7-3", article: "108+ Art. 7(1), 10(1)" } as const;

export function authoriseLift(ctx: Context): void {
  authorise(ctx);
  if (ctx.hub.purpose === "SUBJECT_ACCESS") return;
  throw new GraphQLError(
    `Only the data-protection officer (purpose SUBJECT_ACCESS) lifts a suspension [${LIFT_RULE.rule}, ${LIFT_RULE.article}]`,
    {
      extensions: {
        code: "FORBIDDEN",
        ...LIFT_RULE,
        reason: "A suspension is lifted by the data-protection officer, under the purpose SUBJECT_ACCESS.",
        category: "AUDIT",
        owner: "HUB_OPERATOR",
      },
    },
  );
}
