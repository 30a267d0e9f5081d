import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedLocales } from '../../../src/app/supportedLocales.ts';

const root = join(import.meta.dirname, '../../../locales');
// Every shipped language: a language without its folder fails here, file by file.
const languages: string[] = [...supportedLocales];

function flatten(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, item]) => flatten(item, prefix ? `${prefix}.${key}` : key));
}

/** Plural forms differ per language (`_one`, `_other`, …): compare the base key. */
function withoutPluralSuffix(key: string): string {
  return key.replace(/_(zero|one|two|few|many|other)$/, '');
}

function filesOf(language: string): string[] {
  try {
    return readdirSync(join(root, language)).filter((file) => file.endsWith('.json'));
  } catch {
    return [];
  }
}

const files = [...new Set(languages.flatMap(filesOf))].sort();

describe('every locale', () => {
  it.each(files)('has %s with the same keys in every language', (file) => {
    const keys = Object.fromEntries(
      languages.map((language) => {
        let data: unknown = {};
        try {
          data = JSON.parse(readFileSync(join(root, language, file), 'utf8'));
        } catch {
          data = {};
        }
        return [language, new Set(flatten(data).map(withoutPluralSuffix))];
      }),
    );
    const all = new Set(languages.flatMap((language) => [...(keys[language] as Set<string>)]));
    const missing = languages.flatMap((language) => [...all].filter((key) => !keys[language]?.has(key)).map((key) => `${language}/${file}: ${key}`));
    expect(missing).toEqual([]);
  });

  it("has every plural form each language's Intl plural rules ask for, and no other", () => {
    const problems: string[] = [];
    for (const file of files) {
      const plurals = pluralKeysOf(readLocale('en', file));
      for (const language of languages) {
        const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
        const present = pluralKeysOf(readLocale(language, file));
        for (const base of plurals.keys()) {
          const forms = present.get(base) ?? new Set<string>();
          const missing = categories.filter((category) => !forms.has(category));
          const extra = [...forms].filter((form) => !(categories as string[]).includes(form));
          if (missing.length > 0) problems.push(`${language}/${file}: ${base} lacks _${missing.join(', _')}`);
          if (extra.length > 0) problems.push(`${language}/${file}: ${base} has _${extra.join(', _')}, which ${language} never uses`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses the same {{params}} in every translation of a text', () => {
    const problems: string[] = [];
    for (const file of files) {
      const texts = languages.map((language) => {
        try {
          return textsOf(JSON.parse(readFileSync(join(root, language, file), 'utf8')));
        } catch {
          return new Map<string, string>();
        }
      });
      for (const [key, english] of texts[0] ?? []) {
        const expected = paramsOf(english);
        texts.slice(1).forEach((translated, index) => {
          const text = translated.get(key);
          if (text !== undefined && paramsOf(text) !== expected) problems.push(`${languages[index + 1]}/${file}: ${key} uses ${paramsOf(text)} instead of ${expected}`);
        });
      }
    }
    expect(problems).toEqual([]);
  });
});

function textsOf(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') into.set(withoutPluralSuffix(prefix), value);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) textsOf(item, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

function paramsOf(text: string): string {
  return [...new Set([...text.matchAll(/\{\{\s*([A-Za-z]+)\s*\}\}/g)].map((match) => match[1]))].sort().join(',');
}

function readLocale(language: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(join(root, language, file), 'utf8'));
  } catch {
    return {};
  }
}

/** Plural keys by their base key (`app.start.recent` → {one, other}). */
function pluralKeysOf(data: unknown): Map<string, Set<string>> {
  const plurals = new Map<string, Set<string>>();
  for (const key of flatten(data)) {
    const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
    if (match) plurals.set(match[1] as string, (plurals.get(match[1] as string) ?? new Set()).add(match[2] as string));
  }
  return plurals;
}
