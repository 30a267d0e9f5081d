import { createInstance, type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { localeBackend } from './loadLocaleNamespace.ts';
import { supportedLocales, type Locale } from './supportedLocales.ts';

export interface CreateI18nOptions {
  lng: Locale;
  /** Texts given up front (tests); without them, files load lazily per language and namespace. */
  resources?: Resource;
}

/**
 * A fresh i18next instance (never the global one), so the SPA and the embeddable widget can each
 * own one. Namespaces are files: `app` loads at start, `flows` with the first view that shows them
 * (`WithFlowTexts`), `diagnostics` with the first
 * flow; each per language, lazily. Interpolation keeps i18next's default escaping; components
 * render every string as text (see `useText`), never as HTML.
 */
export function createI18n({ lng, resources }: CreateI18nOptions): I18n {
  const instance = createInstance();
  if (!resources) instance.use(localeBackend);
  instance.use(initReactI18next);
  void instance.init({
    lng,
    fallbackLng: 'en',
    supportedLngs: [...supportedLocales],
    // Our codes are the files' names (`pt-BR`): load exactly the one chosen, never `pt`.
    load: 'currentOnly',
    ns: ['app'],
    defaultNS: 'app',
    // A value a text needs but the session does not know yet reads as a dash, never "undefined".
    missingInterpolationHandler: () => '—',
    ...(resources ? { resources, initAsync: false } : {}),
    react: { useSuspense: true },
  });
  return instance;
}
