// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const diagnosticsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src/diagnostics');
const sources = readdirSync(diagnosticsDir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file, text: readFileSync(path.join(diagnosticsDir, file), 'utf8') }));

describe('src/diagnostics stays pure', () => {
  it.each(sources)('$file imports only its siblings', ({ text }) => {
    const imports = [...text.matchAll(/\bfrom\s+'([^']+)'/g)].map((match) => match[1]);
    expect(imports.filter((specifier) => !/^\.\/[\w-]+\.ts$/.test(specifier ?? ''))).toEqual([]);
  });

  it.each(sources)('$file uses no DOM globals', ({ text }) => {
    expect(text).not.toMatch(/\b(?:window|document|navigator|localStorage|sessionStorage)\./);
  });
});
