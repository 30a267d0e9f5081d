/**
 * A remaining time as `mm:ss` (or `h:mm:ss` from an hour on), never negative, in the digits of
 * `locale` (Intl.NumberFormat: "٠١:٣٠" in Arabic). From a day on a ticking clock means nothing:
 * `moreThanADay` is shown instead (a translated "more than a day"). A value that is not a number
 * counts as nothing left.
 */
export function formatCountdown(remainingMs: number, moreThanADay = '> 24:00:00', locale = 'en'): string {
  if (remainingMs > 86_400_000) return moreThanADay;
  const total = Number.isNaN(remainingMs) ? 0 : Math.max(0, Math.ceil(remainingMs / 1000));
  const digits = new Intl.NumberFormat(locale, { useGrouping: false });
  const twoDigits = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${twoDigits.format(minutes)}:${twoDigits.format(seconds)}`;
  return hours > 0 ? `${digits.format(hours)}:${mmss}` : mmss;
}
