/** A refusal beside the denied fields, as auditors read it: a request's own, or records a subgraph withheld. */
import { Field, Int, ObjectType } from "type-graphql";
import type { AuditRefusal as StoredRefusal } from "@hub/contracts";
import { Category } from "@hub/kit";

@ObjectType({
  description:
    "A refusal that is not a denied field: a request refused by a rule before it ran (a purpose, R5-1), or records a subgraph withheld (R7-2).",
})
export class AuditRefusal {
  @Category("AUDIT")
  @Field({ description: "`gateway`, or the subgraph that withheld the records." })
  by: string;

  @Category("AUDIT")
  @Field()
  rule: string;

  @Category("AUDIT")
  @Field()
  article: string;

  @Category("AUDIT")
  @Field(() => String, { nullable: true })
  category: string | null;

  @Category("AUDIT")
  @Field(() => String, { nullable: true, description: "The agency whose records were withheld." })
  owner: string | null;

  @Category("AUDIT")
  @Field(() => Int, { description: "How many records (1 for a request refused as a whole)." })
  count: number;

  @Category("AUDIT")
  @Field(() => [String], { description: "Where, in the subgraph's answer (list indices as numbers)." })
  path: string[];

  @Category("AUDIT")
  @Field({ description: "Not named to the caller, because naming it would disclose (R14-3)." })
  silent: boolean;
}

export const toAuditRefusal = (r: StoredRefusal): AuditRefusal => ({ ...r, path: r.path.map(String) });
