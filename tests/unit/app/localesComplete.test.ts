import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../locales');
const languages = ['en', 'de', 'sv'];

function flatten(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, item]) => flatten(item, prefix ? `${prefix}.${key}` : key));
}

/** Plural forms differ per language (`_one`, `_other`, …): compare the base key. */
function withoutPluralSuffix(key: string): string {
  return key.replace(/_(zero|one|two|few|many|other)$/, '');
}

const files = [...new Set(languages.flatMap((language) => readdirSync(join(root, language)).filter((file) => file.endsWith('.json'))))].sort();

describe('every locale', () => {
  it.each(files)('has %s with the same keys in en, de and sv', (file) => {
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
