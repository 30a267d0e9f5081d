/**
 * A live countdown as a call needs it: `mm:ss` under an hour, `h:mm:ss` under a day, and days
 * and hours beyond (nobody watches a seven-day expiry tick by the second). Never negative. Every
 * number, unit and list goes through `Intl` in `locale` ("2d 2h", "2 T, 2 h", "٢ ي و٢ س"), as
 * `Intl.DurationFormat`'s digital and narrow styles would.
 */
export function formatTimeLeft(remainingMs: number, locale: string): string {
  const total = Math.max(0, Math.ceil(remainingMs / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  if (days > 0) {
    const unit = (value: number, name: 'day' | 'hour') => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow' }).format(value);
    return new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }).format([unit(days, 'day'), unit(hours, 'hour')]);
  }
  const digits = new Intl.NumberFormat(locale, { useGrouping: false });
  const twoDigits = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${twoDigits.format(minutes)}:${twoDigits.format(seconds)}`;
  return hours > 0 ? `${digits.format(hours)}:${mmss}` : mmss;
}
