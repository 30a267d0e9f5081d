import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root, wherever a script or test is started from. */
export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Flow files shipped in `flows/` (the generated schema excluded), as absolute paths. */
export function shippedFlowFiles(): string[] {
  const dir = path.join(repoRoot, 'flows');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Languages under `locales/`, each with its flattened keys. */
export function loadLocaleKeys(): Record<string, Set<string>> {
  const dir = path.join(repoRoot, 'locales');
  const result: Record<string, Set<string>> = {};
  if (!existsSync(dir)) return result;
  for (const language of readdirSync(dir).sort()) {
    const keys = new Set<string>();
    for (const file of readdirSync(path.join(dir, language)).filter((name) => name.endsWith('.json'))) {
      const data = JSON.parse(readFileSync(path.join(dir, language, file), 'utf8')) as unknown;
      flattenKeys(data, '', keys);
    }
    result[language] = keys;
  }
  return result;
}

function flattenKeys(value: unknown, prefix: string, into: Set<string>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value)) flattenKeys(item, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix) {
    // i18next plural forms (key_one, key_other) satisfy the bare key.
    into.add(prefix.replace(/_(zero|one|two|few|many|other)$/, ''));
    into.add(prefix);
  }
}

export function relativeToRepo(file: string): string {
  return path.relative(repoRoot, file) || file;
}
