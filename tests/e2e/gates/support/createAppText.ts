import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface AppText {
  /** The translation of `key`, with `{{params}}` filled in. */
  text(key: string, params?: Record<string, string>): string;
  /** The translation of `key` as an anchored pattern: every `{{param}}` matches any text. */
  pattern(key: string, suffix?: string): RegExp;
}

const localesDir = resolve(import.meta.dirname, '../../../../locales');

/** The app's texts in one language, read from the locale files the build ships. */
export function createAppText(language: string): AppText {
  const files: Record<string, unknown> = {};
  for (const namespace of ['app', 'flows', 'diagnostics']) Object.assign(files, JSON.parse(readFileSync(resolve(localesDir, language, `${namespace}.json`), 'utf8')));
  const template = (key: string): string => {
    const value = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), files);
    if (typeof value !== 'string') throw new Error(`no ${language} text for ${key}`);
    return value;
  };
  return {
    text: (key, params = {}) => template(key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => params[name] ?? `{{${name}}}`),
    pattern: (key, suffix = '') => new RegExp(`^${template(key).split(/\{\{[^}]+\}\}/).map(escape).join('.+')}${escape(suffix)}$`),
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
