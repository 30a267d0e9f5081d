import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../scripts/lib/loadProjectFiles.ts';

/** The engine and diagnostics run under Node, in the SPA, the widget and a CLI: they import nothing else. */
describe('layering', () => {
  const importsOf = (dir: string) =>
    readdirSync(path.join(repoRoot, dir), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => {
        const text = readFileSync(path.join(repoRoot, dir, file), 'utf8');
        return [...text.matchAll(/from\s+'([^']+)'/g)].map((match) => ({ file: `${dir}/${file}`, specifier: match[1] as string }));
      });

  it('runs this suite without a DOM', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('keeps src/engine to xstate, zod and its own files', () => {
    const offending = importsOf('src/engine').filter(({ specifier }) => !(specifier.startsWith('./') || specifier === 'xstate' || specifier === 'zod'));
    expect(offending).toEqual([]);
  });

  it('keeps src/diagnostics free of other layers and packages', () => {
    const offending = importsOf('src/diagnostics').filter(({ specifier }) => !specifier.startsWith('./'));
    expect(offending).toEqual([]);
  });
});
