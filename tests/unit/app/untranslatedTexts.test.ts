import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedLocales } from '../../../src/app/supportedLocales.ts';
import { untranslatedTextsAllowed } from './untranslatedTextsAllowed.ts';

const root = join(import.meta.dirname, '../../../locales');
const english = textsOf('en');

/** The words of a text: `{{params}}` removed, spaces collapsed. */
function literal(text: string): string {
  return text
    .replace(/\{\{[^}]+\}\}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every text of a language by file and key (`app.json` → `app.start.title`); empty when the folder is missing. */
function textsOf(language: string): Map<string, { file: string; text: string }> {
  const texts = new Map<string, { file: string; text: string }>();
  let files: string[] = [];
  try {
    files = readdirSync(join(root, language)).filter((file) => file.endsWith('.json'));
  } catch {
    return texts;
  }
  const collect = (file: string, value: unknown, prefix: string) => {
    if (typeof value === 'string') texts.set(prefix, { file, text: value });
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) collect(file, item, prefix ? `${prefix}.${key}` : key);
  };
  for (const file of files) collect(file, JSON.parse(readFileSync(join(root, language, file), 'utf8')), '');
  return texts;
}

describe('every translation', () => {
  it.each(supportedLocales.filter((language) => language !== 'en'))('%s translates every text, or says on its allow-list why it keeps the English', (language) => {
    const allowed = untranslatedTextsAllowed[language] ?? {};
    const texts = textsOf(language);
    const sameAsEnglish: string[] = [];
    const stale: string[] = [];
    for (const [key, { file, text }] of texts) {
      const original = english.get(key);
      if (!original) continue;
      const words = literal(text);
      const same = /\p{L}/u.test(words) && words === literal(original.text);
      if (same && !(key in allowed)) sameAsEnglish.push(`${language}/${file}: ${key} = ${JSON.stringify(text)}`);
    }
    for (const key of Object.keys(allowed)) {
      const text = texts.get(key)?.text;
      const original = english.get(key)?.text;
      // A missing text is localesComplete.test.ts's to report.
      if (original === undefined) stale.push(`${language}: ${key} is allowed but English has no such text`);
      else if (text !== undefined && literal(text) !== literal(original)) stale.push(`${language}: ${key} is allowed but now translated`);
    }
    expect(texts.size, `${language} has no texts (locales/${language}/ missing)`).toBeGreaterThan(0);
    expect(sameAsEnglish, `${language}: texts still in English (translate them, or add them to untranslatedTextsAllowed.ts with a reason)`).toEqual([]);
    expect(stale, `${language}: allow-list entries to remove`).toEqual([]);
  });
});
