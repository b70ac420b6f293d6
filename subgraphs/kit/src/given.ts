/**
 * Whether an optional argument was given. A filter is a value: an empty string filters for the
 * empty string (and a blank key is refused, R5-3); only an absent or null argument means "any".
 */
export function given<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}
