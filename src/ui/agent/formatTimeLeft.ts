/**
 * A live countdown as a call needs it: `mm:ss` under an hour, `h:mm:ss` under a day, and days
 * and hours beyond (nobody watches a seven-day expiry tick by the second). Never negative.
 */
export function formatTimeLeft(remainingMs: number, units: { days: string; hours: string }): string {
  const total = Math.max(0, Math.ceil(remainingMs / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  if (days > 0) return `${days} ${units.days} ${hours} ${units.hours}`;
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}
