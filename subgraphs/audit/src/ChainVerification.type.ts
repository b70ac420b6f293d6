/** The answer of a chain verification: intact, or where the first break is and why. */
import { Field, ID, ObjectType } from "type-graphql";
import { Category } from "@hub/kit";
import { SafeInt } from "./SafeInt.scalar";

@ObjectType({ description: "The first event at which the chain does not hold." })
export class ChainBreak {
  @Category("AUDIT")
  @Field(() => SafeInt)
  seq: number;

  @Category("AUDIT")
  @Field(() => ID, { nullable: true, description: "Null when the event is missing." })
  id: string | null;

  @Category("AUDIT")
  @Field()
  reason: string;
}

@ObjectType()
export class ChainVerification {
  @Category("AUDIT")
  @Field()
  valid: boolean;

  @Category("AUDIT")
  @Field(() => SafeInt, { description: "Events found intact (before the first break, if any)." })
  eventsChecked: number;

  @Category("AUDIT")
  @Field(() => SafeInt, { description: "Signed checkpoints verified." })
  checkpointsChecked: number;

  @Category("AUDIT")
  @Field(() => ChainBreak, { nullable: true })
  firstBroken: ChainBreak | null;
}
