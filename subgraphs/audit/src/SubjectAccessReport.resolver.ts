/** The subject access report of one person (R9-1), for the data-protection officer. */
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { Category, today } from "@hub/kit";
import type { Context } from "./loaders";
import { authorise } from "./recordRules";
import { subjectAccessReport } from "./subjectAccessReport";
import { SubjectAccessReport } from "./SubjectAccessReport.type";

@Resolver(() => SubjectAccessReport)
export class SubjectAccessReportResolver {
  @Category("AUDIT")
  @Query(() => SubjectAccessReport, {
    description:
      "Every disclosure of this person's data: when, to which agency or foreign authority and country, for what purpose, on which legal basis.",
  })
  async subjectAccessReport(
    @Arg("personRef", () => ID) personRef: string,
    @Ctx() ctx: Context,
  ): Promise<SubjectAccessReport> {
    authorise(ctx);
    return subjectAccessReport(ctx.dataSource, personRef, {
      agreements: ctx.loaders.services.agreements(),
      today: today(),
    });
  }
}
