/** The Border Police's contribution to the federated Person: what it knows by personRef. */
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Category } from "@hub/kit";

@Directive('@key(fields: "personRef")')
@ObjectType({ description: "A person known to the hub by a pseudonymous reference." })
export class Person {
  @Category("IDENTIFIER")
  @Field(() => ID, { description: "Pseudonymous hub identifier." })
  personRef: string;
}

export const person = (personRef: string | null): Person | null => (personRef ? { personRef } : null);
