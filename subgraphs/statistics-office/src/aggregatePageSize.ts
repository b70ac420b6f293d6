/**
 * Page size for lists of statistical cells. Larger than the kit's bound for records (a table of
 * one indicator and year has hundreds of cells, and cells disclose no person), still bounded.
 */
import { pageSize } from "@hub/kit";

export const AGGREGATE_PAGE_BOUNDS = { default: 200, max: 1000 };

export const aggregatePageSize = (first: number | undefined | null): number => pageSize(first, AGGREGATE_PAGE_BOUNDS);
