/**
 * The longest wait a rate limit is taken at: 7 days. A server asking for longer (or a clock or
 * header gone wrong: ten years, year 275760) is read as this, so no countdown or time of day
 * built from it turns into nonsense; the UI says "more than a day" from a day on.
 */
export const maxRetryAfterMs = 7 * 86_400_000;

/** A wait in ms bounded to `0 … maxRetryAfterMs`, rounded up; `undefined` for anything not a number. */
export function boundRetryAfter(ms: number | undefined): number | undefined {
  if (ms === undefined || Number.isNaN(ms)) return undefined;
  return Math.ceil(Math.min(maxRetryAfterMs, Math.max(0, ms)));
}

/**
 * Milliseconds to wait according to an HTTP `Retry-After` value: delay-seconds or an HTTP date,
 * bounded by {@link boundRetryAfter} (negative: 0; beyond seven days: seven days).
 * `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return boundRetryAfter(Number(trimmed) * 1000);
  // An HTTP date names a weekday and a month; `Date.parse` alone would take "-5" or "12" for a year.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return boundRetryAfter(date - now);
}
