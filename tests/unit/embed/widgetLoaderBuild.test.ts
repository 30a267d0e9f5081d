import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
let outDir: string;
let loader: string;

// The real loader build (`vite build -c vite.widget.config.ts --mode iife`), into a temporary folder.
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'invite-doctor-loader-'));
  await build({ root, configFile: resolve(root, 'vite.widget.config.ts'), mode: 'iife', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  loader = await readFile(join(outDir, 'invite-doctor.iife.js'), 'utf8');
}, 60_000);
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the plain-script build, invite-doctor.iife.js', () => {
  it('is one small classic script: no chunks, no stylesheet, no static import', async () => {
    expect(await readdir(outDir)).toEqual(['invite-doctor.iife.js']);
    // A static import would be a syntax error in a classic script; the only import is import(url).
    expect(loader).not.toMatch(/(^|[;}\s])import\s*[{*\w"'`]/);
    expect([...loader.matchAll(/\bimport\(/g)]).toHaveLength(1);
    // Everything else the widget needs arrives with invite-doctor.js; the loader stays tiny. It
    // holds one text, its load-failure note, in every language (~1 KB of the 3).
    expect(gzipSync(loader, { level: 9 }).length).toBeLessThan(3 * 1024);
  });

  it('carries none of the widget: no React, no i18next, no engine, no texts', () => {
    for (const sign of ['react.element', 'react.transitional.element', 'i18next', 'xstate', 'Who is missing their invitation?']) {
      expect(loader, sign).not.toContain(sign);
    }
  });

  it('finds the widget module beside its own script and sets window.InviteDoctor', () => {
    expect(loader).toContain('document.currentScript');
    expect(loader).toContain('`invite-doctor.js`');
    expect(loader).toMatch(/window\.InviteDoctor\?\?=/);
  });
});
