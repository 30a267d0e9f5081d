import { describe, expect, it } from 'vitest';
import { boundRetryAfter, maxRetryAfterMs, parseRetryAfter } from '../../../src/adapters/http/parseRetryAfter.ts';
import { mapHttpError } from '../../../src/adapters/http/mapHttpError.ts';
import { createFormatters, missingValue } from '../../../src/ui/createFormatters.ts';
import { describeBackendError } from '../../../src/ui/describeBackendError.ts';
import { formatCountdown } from '../../../src/ui/formatCountdown.ts';
import app from '../../../locales/en/app.json';

const now = Date.UTC(2026, 10, 29, 12);
const day = 86_400_000;
const tenYears = 10 * 365 * day;

/** Looks a key up in the English texts and fills `{{…}}`. */
function text(key: string, params: Record<string, unknown> = {}): string {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], app);
  if (typeof found !== 'string') throw new Error(`no text ${key}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));
}

describe('times from a backend are bounded before they are formatted', () => {
  const format = createFormatters('en-GB');

  it('never shows Invalid Date or a year like 275760', () => {
    for (const value of ['not a date', '+275760-09-13T00:00:00.000Z', 8.64e15, -1, 0, Number.NaN, Infinity, '1900-01-01T00:00:00Z']) {
      expect(format.dateTime(value)).toBe(missingValue);
      expect(format.time(value)).toBe(missingValue);
      expect(format.relative(value, now)).toBe(missingValue);
    }
    expect(format.dateTime('2026-12-01T10:00:00Z')).toMatch(/2026/);
  });

  it('counts far relative times in years, near ones as before', () => {
    expect(format.relative(now + tenYears, now)).toBe('in 10 years');
    expect(format.relative(now - 3 * day, now)).toBe('3 days ago');
    expect(format.relative(now + 12 * 60_000, now)).toBe('in 12 minutes');
    expect(format.relative(now, Number.NaN)).toBe(missingValue);
  });

  it('shows "more than a day" for a countdown beyond a day, and nothing negative', () => {
    expect(formatCountdown(tenYears, 'more than a day')).toBe('more than a day');
    expect(formatCountdown(-5_000)).toBe('00:00');
    expect(formatCountdown(Number.NaN)).toBe('00:00');
    expect(formatCountdown(90_000)).toBe('01:30');
    expect(formatCountdown(day)).toBe('24:00:00');
    expect(formatCountdown(90_000, 'more than a day', 'ar-EG')).toBe('٠١:٣٠');
  });

  it('says "more than a day" for a rate limit beyond a day, and a time of day otherwise', () => {
    const long = describeBackendError({ kind: 'rate_limited', retryAfterMs: tenYears }, now, text, format, 'failed-screen');
    expect(long.next).toBe('The system will not allow this again for more than a day. Continue without it for now.');
    expect(describeBackendError({ kind: 'rate_limited', retryAfterMs: Infinity }, now, text, format, 'step').next).toBe('The system will not allow this again for more than a day.');
    const negative = describeBackendError({ kind: 'rate_limited', retryAfterMs: -60_000 }, now, text, format, 'step');
    expect(negative.next).toBe(`The system allows this again at ${format.time(now)}.`);
    const soon = describeBackendError({ kind: 'rate_limited', retryAfterMs: 120_000 }, Number.NaN, text, format, 'step');
    expect(soon.next).not.toContain(missingValue);
  });
});

describe('Retry-After is bounded in the http adapter', () => {
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['-30', 0],
    [String(10 * 365 * 86_400), maxRetryAfterMs],
    ['99999999999999999999999', maxRetryAfterMs],
    [new Date(now + tenYears).toUTCString(), maxRetryAfterMs],
    ['Sat, 13 Sep 275760 00:00:00 GMT', maxRetryAfterMs],
    [new Date(now - day).toUTCString(), 0],
    ['soon', undefined],
    ['12', 12_000],
  ])('reads %s as %s ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it('bounds a body retryAfterMs too', () => {
    expect(boundRetryAfter(Infinity)).toBe(maxRetryAfterMs);
    expect(boundRetryAfter(Number.NaN)).toBeUndefined();
    const error = mapHttpError(429, new Headers(), JSON.stringify({ error: { kind: 'rate_limited', retryAfterMs: 1e300 } }), 'resendInvite', now);
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: maxRetryAfterMs });
    const fromHeader = mapHttpError(429, new Headers({ 'retry-after': '-5' }), '', 'resendInvite', now);
    expect(fromHeader).toMatchObject({ kind: 'rate_limited', retryAfterMs: 0 });
  });
});
