/** Shown wherever a value is missing: never "undefined", never an empty gap. */
export const missingValue = '—';

export interface Formatters {
  /** Date and time, e.g. "22 Nov 2026, 10:00". */
  dateTime(value: string | number | null | undefined): string;
  /** Time of day, e.g. "10:15". */
  time(value: string | number | null | undefined): string;
  /** Relative to `now`, e.g. "in 12 minutes", "2 days ago". */
  relative(value: string | number | null | undefined, now: number): string;
  /** A number, e.g. "10,000", "10 000". */
  number(value: number): string;
  /** Items as the language lists them, e.g. "a, b, c" ("a、b、c" in Japanese, "a، b" in Arabic). */
  list(items: readonly string[]): string;
}

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/**
 * Dates and relative times through `Intl`, in the given language. Never "Invalid Date", never a
 * year 275760: an invalid or out-of-range time is shown as {@link missingValue}; a relative time
 * counts in years from a year on ("in 10 years", not "in 3650 days").
 */
export function createFormatters(locale: string): Formatters {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const number = new Intl.NumberFormat(locale);
  const list = new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' });
  return {
    number: (value) => number.format(value),
    list: (items) => list.format(items),
    dateTime: (value) => withTime(value, (ms) => dateTime.format(ms)),
    time: (value) => withTime(value, (ms) => time.format(ms)),
    relative: (value, now) =>
      withTime(value, (ms) => {
        if (!Number.isFinite(now)) return missingValue;
        const diff = ms - now;
        const [unit, size] = units.find(([, size]) => Math.abs(diff) >= size) ?? ['second', 1_000];
        return relative.format(Math.round(diff / size), unit);
      }),
  };
}

/**
 * The dates a backend may sensibly report: from 1970 to the end of 2199. Anything outside (an
 * expiry in year 275760, a zero or negative timestamp, seconds taken for milliseconds) is shown
 * as missing rather than as a nonsense date.
 */
export const earliestShownTime = 0;
export const latestShownTime = Date.UTC(2200, 0, 1);

/** Epoch ms from an ISO string or a number; `null` for anything unusable or outside the sane range. */
function toEpoch(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) && ms > earliestShownTime && ms < latestShownTime ? ms : null;
}

function withTime(value: string | number | null | undefined, format: (ms: number) => string): string {
  const ms = toEpoch(value);
  return ms === null ? missingValue : format(ms);
}
