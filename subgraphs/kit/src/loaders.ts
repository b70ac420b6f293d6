/**
 * DataLoader factories over TypeORM repositories: one SQL statement per batch of keys, whatever
 * the number of parent records (entity references, nested lists).
 */
import DataLoader from "dataloader";
import { In, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral, type Repository } from "typeorm";

/** Loads the records whose `column` equals each key, grouped per key (e.g. crossings by personRef). */
export function manyByKey<T extends ObjectLiteral>(
  repository: Repository<T>,
  column: keyof T & string,
  order?: FindOptionsOrder<T>,
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await repository.find({
      where: { [column]: In([...keys]) } as FindOptionsWhere<T>,
      ...(order ? { order } : {}),
    });
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(String(row[column]))?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** Loads one record per key by a unique column (e.g. a document by its number). */
export function oneByKey<T extends ObjectLiteral>(
  repository: Repository<T>,
  column: keyof T & string,
): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const rows = await repository.find({ where: { [column]: In([...keys]) } as FindOptionsWhere<T> });
    const byKey = new Map(rows.map((row) => [String(row[column]), row]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** A value derived from another loader's per-key result, batched and cached with it (e.g. a birth date from documents). */
export function derivedByKey<V, R>(source: DataLoader<string, V>, derive: (value: V) => R): DataLoader<string, R> {
  return new DataLoader(async (keys) => {
    const values = await source.loadMany(keys);
    return values.map((value) => (value instanceof Error ? value : derive(value)));
  });
}
