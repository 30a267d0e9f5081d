import { createInstance, type BackendModule, type i18n as I18n, type ReadCallback } from 'i18next';
import { supportedLocales } from '../app/supportedLocales.ts';
import type { WidgetLocale } from './WidgetOptions.ts';

// Only the files the widget shows (not the SPA's other namespaces): one lazy chunk per language
// and file (the plain-script loader imports the same ES build, so it gets the same chunks).
const localeFiles = import.meta.glob<{ default: Record<string, unknown> }>(['/locales/*/app.json', '/locales/*/flows.json', '/locales/*/diagnostics.json', '/locales/*/widget.json']);

const widgetLocaleBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = localeFiles[`/locales/${language}/${namespace}.json`];
    if (!load) return callback(null, {});
    load().then(
      (module) => callback(null, module.default as never),
      (error: unknown) => callback(error as Error, false),
    );
  },
};

/**
 * The widget's own i18next instance (never the global one, never the host's): the SPA's settings
 * (English fallback, a dash for a value not known yet, texts rendered as text by `useText`), with
 * the widget's namespace first so its frame can show before the wizard's texts arrive.
 */
export function createWidgetI18n(lng: WidgetLocale): I18n {
  const instance = createInstance();
  // No `initReactI18next`: it would make this instance react-i18next's global default. The
  // widget passes its instance through `I18nextProvider`, and its `react` options travel with it.
  instance.use(widgetLocaleBackend);
  void instance.init({
    lng,
    fallbackLng: 'en',
    supportedLngs: [...supportedLocales],
    load: 'currentOnly',
    ns: ['widget'],
    defaultNS: 'widget',
    missingInterpolationHandler: () => '—',
    react: { useSuspense: true },
  });
  return instance;
}
