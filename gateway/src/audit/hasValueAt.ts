/** Whether a response holds at least one non-null value at a path of response keys (through lists). */
export function hasValueAt(data: unknown, path: readonly string[]): boolean {
  if (data === null || data === undefined) return false;
  if (Array.isArray(data)) return data.some((item) => hasValueAt(item, path));
  if (path.length === 0) return true;
  if (typeof data !== "object") return false;
  const [head, ...rest] = path as [string, ...string[]];
  return Object.hasOwn(data, head) && hasValueAt((data as Record<string, unknown>)[head], rest);
}
