import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const localesDir = resolve(import.meta.dirname, '../../../locales');

export interface LocaleTexts {
  readonly language: string;
  /** Every text of the language by its full key (`app.start.title`, plural keys with their suffix). */
  readonly texts: ReadonlyMap<string, string>;
  /** The text of `key`, `{{params}}` filled in; throws when the language has no such text. */
  text(key: string, params?: Record<string, string>): string;
  /**
   * The text of `key` as an anchored pattern: every `{{param}}` matches any text, and any run of
   * white space any other (accessible names collapse French no-break spaces into plain ones).
   */
  pattern(key: string, suffix?: string): RegExp;
}

/** All texts of one language, read from every namespace file the build ships (locales/<language>/*.json). */
export function loadLocaleTexts(language: string): LocaleTexts {
  const texts = new Map<string, string>();
  for (const file of readdirSync(resolve(localesDir, language)).filter((name) => name.endsWith('.json'))) {
    collect(JSON.parse(readFileSync(resolve(localesDir, language, file), 'utf8')), '', texts);
  }
  const template = (key: string): string => {
    const value = texts.get(key);
    if (value === undefined) throw new Error(`no ${language} text for ${key}`);
    return value;
  };
  return {
    language,
    texts,
    text: (key, params = {}) => template(key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => params[name] ?? `{{${name}}}`),
    pattern: (key, suffix = '') => new RegExp(`^${[template(key).trim(), suffix].join('').split(/\{\{[^}]+\}\}/).map(literal).join('.+')}$`),
  };
}

export interface EnglishFragment {
  fragment: string;
  key: string;
}

/**
 * The English that must not be seen in `target`: the literal pieces (split on `{{params}}`, at
 * least 12 characters or two words) of every English text whose translation differs. A piece that
 * the target language itself uses somewhere (a brand, an acronym, a term it keeps in English) is
 * not evidence of an untranslated text, so it is left out.
 */
export function englishFragments(english: LocaleTexts, target: LocaleTexts): EnglishFragment[] {
  const targetTexts = [...target.texts.values()];
  const fragments = new Map<string, string>();
  for (const [key, text] of english.texts) {
    const translated = target.texts.get(key) ?? target.texts.get(key.replace(/_(zero|one|two|few|many|other)$/, '_other'));
    if (translated === text) continue;
    for (const piece of text.split(/\{\{[^}]+\}\}/)) {
      const fragment = piece.replace(/\s+/g, ' ').trim();
      if (!/\p{L}/u.test(fragment)) continue;
      if (fragment.length < 12 && fragment.split(' ').length < 2) continue;
      if (targetTexts.some((candidate) => candidate.includes(fragment))) continue;
      if (!fragments.has(fragment)) fragments.set(fragment, key);
    }
  }
  return [...fragments].map(([fragment, key]) => ({ fragment, key }));
}

function collect(value: unknown, prefix: string, into: Map<string, string>): void {
  if (typeof value === 'string') into.set(prefix, value);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) collect(item, prefix ? `${prefix}.${key}` : key, into);
}

function literal(text: string): string {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}
