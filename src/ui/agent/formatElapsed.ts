/** Time since the call started as `mm:ss` (minutes keep counting past 59: `75:02`), in the digits of `locale`. */
export function formatElapsed(elapsedMs: number, locale: string): string {
  const total = Math.max(0, Math.floor(elapsedMs / 1000));
  const twoDigits = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  return `${twoDigits.format(Math.floor(total / 60))}:${twoDigits.format(total % 60)}`;
}
