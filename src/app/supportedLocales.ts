/** The languages the app is translated into, in the order the switcher lists them. */
export const supportedLocales = ['en', 'de', 'sv'] as const;

export type Locale = (typeof supportedLocales)[number];

/** Each language named in itself, so a person finds their own whatever the current language. */
export const localeNames: Record<Locale, string> = { en: 'English', de: 'Deutsch', sv: 'Svenska' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

/** The first of the browser's preferred languages we support (`de-AT` → `de`), else English. */
export function detectLocale(preferred: readonly string[] | undefined): Locale {
  for (const tag of preferred ?? []) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return 'en';
}
