/**
 * The locale to format dates in: the browser's own variant of the chosen language when it has
 * one (English in Britain reads "22 Nov 2026, 10:15", not "Nov 22, 2026, 10:15 AM"), else the
 * language itself.
 */
export function formattingLocale(language: string, preferred: readonly string[] | undefined): string {
  const primary = language.toLowerCase().split('-')[0];
  return preferred?.find((tag) => tag.toLowerCase().split('-')[0] === primary) ?? language;
}
