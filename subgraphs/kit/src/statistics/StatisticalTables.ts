/**
 * An agency's statistical tables as its GraphQL field serves them: the indicator and year are
 * checked, and protected tables are kept a few minutes per process.
 *
 * Why a cache: a profile pull asks for every indicator-year, several templates share indicators,
 * and counting the larger tables (every crossing of a year) then protecting them costs far more
 * than serving them. The data change only with a re-seed, and protection is deterministic, so a
 * cached table is the table the same query would compute; the lifetime only bounds how long a
 * re-seed takes to show.
 */
import { GraphQLError } from "graphql";
import type { DataSource } from "typeorm";
import { firstRecordSql } from "./aggregationSql";
import { computeStatisticalTable } from "./computeStatisticalTable";
import type { StatisticalIndicator } from "./StatisticalIndicator";
import type { StatisticalTable } from "./StatisticalTable";

export const TABLE_CACHE_MS = 5 * 60_000;

interface Cached<T> {
  expires: number;
  value: Promise<T>;
}

export class StatisticalTables {
  private readonly byCode: ReadonlyMap<string, StatisticalIndicator>;
  private readonly tables = new Map<string, Cached<StatisticalTable>>();
  private readonly firstYears = new Map<string, Cached<number | null>>();

  constructor(
    indicators: readonly StatisticalIndicator[],
    private readonly now: () => Date = () => new Date(),
  ) {
    this.byCode = new Map(indicators.map((i) => [i.code, i]));
  }

  /**
   * The protected table; BAD_USER_INPUT for an unknown indicator, a year that has not ended (UTC)
   * or a year before the indicator's first record.
   */
  async table(db: DataSource, code: string, year: number): Promise<StatisticalTable> {
    const indicator = this.byCode.get(code);
    if (indicator === undefined) {
      throw badInput(`unknown indicator ${code}: one of ${[...this.byCode.keys()].join(", ")}`);
    }
    const current = this.now().getUTCFullYear();
    if (year >= current) {
      throw badInput(
        `year ${year} has not ended: a table is served once its year is over, since the figures of a year under way change from month to month, and two versions differenced would give away the cells one of them hid`,
      );
    }
    const first = await this.cached(this.firstYears, code, () => firstYear(db, indicator));
    if (first === null || year < first) {
      const range =
        first === null
          ? "no year: it has no records"
          : first < current
            ? `${first} to ${current - 1}`
            : `none yet: its first records are of ${first}, which has not ended`;
      throw badInput(`year ${year} is outside the years of ${code}: ${range}`);
    }
    return this.cached(this.tables, `${code}:${year}`, () => computeStatisticalTable(db, indicator, year));
  }

  private cached<T>(cache: Map<string, Cached<T>>, key: string, compute: () => Promise<T>): Promise<T> {
    const at = this.now().getTime();
    const hit = cache.get(key);
    if (hit !== undefined && hit.expires > at) return hit.value;
    const value = compute();
    cache.set(key, { expires: at + TABLE_CACHE_MS, value });
    // A failed computation is not kept: the next request tries again.
    value.catch(() => cache.get(key)?.value === value && cache.delete(key));
    return value;
  }
}

async function firstYear(db: DataSource, indicator: StatisticalIndicator): Promise<number | null> {
  const [row] = (await db.query(firstRecordSql(indicator))) as { first: string | null }[];
  return row?.first ? Number(row.first.slice(0, 4)) : null;
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}
