import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInstance } from 'i18next';
import { repoRoot } from './loadProjectFiles.ts';

/** Translates a flow text key (`flows.…`, `diagnostics.…`, `app.…`: the first segment is the file). */
export interface DoctorText {
  (key: string, params?: Record<string, unknown>): string;
  exists(key: string): boolean;
}

const namespaces = ['app', 'flows', 'diagnostics'] as const;

/**
 * English texts from `locales/en/`, the same files the app shows, loaded synchronously. Nothing
 * here renders HTML, so interpolation escapes nothing.
 */
export function createDoctorText(): DoctorText {
  const instance = createInstance();
  const resources = {
    en: Object.fromEntries(namespaces.map((ns) => [ns, JSON.parse(readFileSync(path.join(repoRoot, 'locales/en', `${ns}.json`), 'utf8')) as object])),
  };
  void instance.init({
    lng: 'en',
    resources,
    ns: [...namespaces],
    defaultNS: 'app',
    initAsync: false,
    interpolation: { escapeValue: false },
    missingInterpolationHandler: () => '—',
  });
  const text = ((key: string, params?: Record<string, unknown>) => String(instance.t(key, { ns: namespaceOf(key), ...params }))) as DoctorText;
  text.exists = (key) => instance.exists(key, { ns: namespaceOf(key) });
  return text;
}

function namespaceOf(key: string): string {
  const dot = key.indexOf('.');
  return dot > 0 ? key.slice(0, dot) : 'app';
}
