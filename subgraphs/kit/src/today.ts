/** Today's date as `YYYY-MM-DD` in UTC, the form the date columns use. */
export const today = (): string => new Date().toISOString().slice(0, 10);
