/**
 * A remaining time as `mm:ss` (or `h:mm:ss` from an hour on), never negative. From a day on a
 * ticking clock means nothing: `moreThanADay` is shown instead (a translated "more than a day").
 * A value that is not a number counts as nothing left.
 */
export function formatCountdown(remainingMs: number, moreThanADay = '> 24:00:00'): string {
  if (Number.isNaN(remainingMs)) return '00:00';
  if (remainingMs > 86_400_000) return moreThanADay;
  const total = Math.max(0, Math.ceil(remainingMs / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}
