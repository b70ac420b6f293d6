/** Reference to a country; its name and figures come from the Statistics Office's code list. */
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Category } from "@hub/kit";

@Directive('@key(fields: "code", resolvable: false)')
@ObjectType({ description: "A country, ISO 3166-1 alpha-2." })
export class Country {
  @Category("REFERENCE")
  @Field(() => ID)
  code: string;
}

export const country = (code: string | null): Country | null => (code ? { code } : null);
