import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInstance, type TFunction } from 'i18next';
import { detectLocale, supportedLocales, type Locale } from '../../src/app/supportedLocales.ts';

const localesRoot = join(import.meta.dirname, '../../locales');

/** Namespaces only the server shows (mails, the invite page): files `locales/<language>/<namespace>.json`. */
export type ServerNamespace = 'mail' | 'invitePage';

const instances = new Map<ServerNamespace, ReturnType<typeof createInstance>>();

/**
 * The translator for one server-side namespace in one language, from the same locale files the
 * app uses (every shipped language; English where a language is unknown). Loaded once per
 * namespace, synchronously, on first use. Interpolation escapes nothing: callers that build HTML
 * escape the result themselves.
 */
export function serverText(namespace: ServerNamespace, language: string | null | undefined): TFunction {
  let instance = instances.get(namespace);
  if (!instance) {
    instance = createInstance();
    const resources = Object.fromEntries(
      supportedLocales.map((locale) => [locale, { [namespace]: JSON.parse(readFileSync(join(localesRoot, locale, `${namespace}.json`), 'utf8')) as object }]),
    );
    void instance.init({ resources, ns: [namespace], defaultNS: namespace, fallbackLng: 'en', initAsync: false, interpolation: { escapeValue: false }, returnNull: false });
    instances.set(namespace, instance);
  }
  return instance.getFixedT(pickLocale(language), namespace);
}

/** A shipped locale for a language tag or an Accept-Language header (`de-AT,de;q=0.9` → `de`). */
export function pickLocale(language: string | null | undefined): Locale {
  if (!language) return 'en';
  return detectLocale(language.split(',').map((part) => part.split(';')[0]?.trim() ?? ''));
}
