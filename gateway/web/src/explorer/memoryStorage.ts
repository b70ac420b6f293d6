/**
 * GraphiQL's storage (tabs, queries, history, layout) kept in memory instead of localStorage:
 * operations may hold personal values (names, document numbers), and nothing about persons may
 * outlive the tab. One instance per page load, so the editor survives a schema reload.
 */
import type { Storage } from "@graphiql/toolkit";

export function createMemoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
    clear: () => items.clear(),
    get length() {
      return items.size;
    },
  };
}
