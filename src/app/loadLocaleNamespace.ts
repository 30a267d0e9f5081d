import type { BackendModule, ReadCallback } from 'i18next';

// One lazy chunk per file: a language's texts load only when that language is used.
const localeFiles = import.meta.glob<{ default: Record<string, unknown> }>('/locales/*/*.json');

/**
 * The texts of one namespace (= one file, `locales/<lng>/<ns>.json`). A file that does not exist
 * yet yields no texts, so i18next falls back to English instead of failing.
 */
export async function loadLocaleNamespace(language: string, namespace: string): Promise<Record<string, unknown>> {
  const load = localeFiles[`/locales/${language}/${namespace}.json`];
  if (!load) return {};
  return (await load()).default;
}

/** An i18next backend over {@link loadLocaleNamespace}. */
export const localeBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    loadLocaleNamespace(language, namespace).then(
      (data) => callback(null, data as never),
      (error: unknown) => callback(error as Error, false),
    );
  },
};
