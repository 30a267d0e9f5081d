/** Shown wherever a value is missing: never "undefined", never an empty gap. */
export const missingValue = '—';

export interface Formatters {
  /** Date and time, e.g. "22 Nov 2026, 10:00". */
  dateTime(value: string | number | null | undefined): string;
  /** Time of day, e.g. "10:15". */
  time(value: string | number | null | undefined): string;
  /** Relative to `now`, e.g. "in 12 minutes", "2 days ago". */
  relative(value: string | number | null | undefined, now: number): string;
}

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** Dates and relative times through `Intl`, in the given language. */
export function createFormatters(locale: string): Formatters {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    dateTime: (value) => withTime(value, (ms) => dateTime.format(ms)),
    time: (value) => withTime(value, (ms) => time.format(ms)),
    relative: (value, now) =>
      withTime(value, (ms) => {
        const diff = ms - now;
        const [unit, size] = units.find(([, size]) => Math.abs(diff) >= size) ?? ['second', 1_000];
        return relative.format(Math.round(diff / size), unit);
      }),
  };
}

/** Epoch ms from an ISO string or a number; `null` for anything unusable. */
function toEpoch(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

function withTime(value: string | number | null | undefined, format: (ms: number) => string): string {
  const ms = toEpoch(value);
  return ms === null ? missingValue : format(ms);
}
