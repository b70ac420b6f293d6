/** The one enum of the Statistics Office's schema: what disclosure control did to a cell. */
import { registerEnumType } from "type-graphql";

/** As the source agency flagged the cell; the Statistics Office never changes it. */
export enum ObservationFlag {
  NONE = "NONE",
  ROUNDED = "ROUNDED",
  SUPPRESSED = "SUPPRESSED",
}
registerEnumType(ObservationFlag, {
  name: "ObservationFlag",
  description:
    "NONE: the count as the source served it. ROUNDED: rounded to the nearest 5 (STRICT regime). SUPPRESSED: withheld, value is null.",
});
