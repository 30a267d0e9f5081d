/** The languages the app is translated into, in the order the switcher lists them. */
export const supportedLocales = ['en', 'de', 'sv', 'fr', 'es', 'it', 'pt-BR', 'pl', 'ja', 'ar'] as const;

export type Locale = (typeof supportedLocales)[number];

/** Each language named in itself, so a person finds their own whatever the current language. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  sv: 'Svenska',
  fr: 'Français',
  es: 'Español',
  it: 'Italiano',
  'pt-BR': 'Português (Brasil)',
  pl: 'Polski',
  ja: '日本語',
  ar: 'العربية',
};

/** Languages written right to left: `dir="rtl"` on the page (and the widget's shadow root). */
const rightToLeft: readonly Locale[] = ['ar'];

export function localeDirection(locale: string): 'ltr' | 'rtl' {
  return (rightToLeft as readonly string[]).includes(locale) ? 'rtl' : 'ltr';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

/**
 * The shipped locale for one language tag, by its primary subtag (`de-AT` → `de`, `pt-PT` →
 * `pt-BR`, our only Portuguese), or null for a language we do not ship.
 */
export function toLocale(tag: string): Locale | null {
  const primary = tag.toLowerCase().split(/[-_]/)[0];
  return supportedLocales.find((locale) => locale.toLowerCase().split('-')[0] === primary) ?? null;
}

/** The first of the browser's preferred languages we support, else English. */
export function detectLocale(preferred: readonly string[] | undefined): Locale {
  for (const tag of preferred ?? []) {
    const locale = toLocale(tag);
    if (locale) return locale;
  }
  return 'en';
}
