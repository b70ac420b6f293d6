/** Multi-row INSERTs for seeding: thousands of rows per statement instead of one each. */
import type { DataSource, EntityManager } from "typeorm";

const MAX_PARAMETERS = 60_000;

export async function bulkInsert(
  db: DataSource | EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const columnList = columns.map((c) => `"${c}"`).join(", ");
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = row.map((value) => {
        values.push(value);
        return `$${values.length}`;
      });
      return `(${placeholders.join(", ")})`;
    });
    await db.query(`INSERT INTO "${table}" (${columnList}) VALUES ${tuples.join(", ")}`, values);
  }
}
