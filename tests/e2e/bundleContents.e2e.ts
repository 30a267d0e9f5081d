import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { findBundleLeaks, knownSecretSettings, listFiles, serverSecretSettings } from './support/findBundleLeaks.ts';

/**
 * No provider SDK and no secret reaches a browser: every file `npm run build` makes (the SPA's
 * `dist/`, the widget's `dist-widget/` in both library runs) and the server-mode SPA
 * (`VITE_BACKEND=server`) is searched for SDK code markers, secret setting names and secret-shaped
 * values (support/findBundleLeaks.ts; tests/unit/e2eSupport proves it finds planted ones). The
 * memory-mode SPA is the global setup's `dist-e2e/`, built with the same config as `dist/`; the
 * others are built here into a temporary folder.
 */
const root = resolve(import.meta.dirname, '../..');
let out: string;
let spa: string;
let serverSpa: string;
let widget: string;
const secretSettings = [...knownSecretSettings, ...serverSecretSettings(join(root, 'server'))];

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'invite-doctor-bundles-'));
  spa = join(root, 'dist-e2e');
  serverSpa = join(out, 'dist-server');
  widget = join(out, 'dist-widget');
  const saved = { NODE_ENV: process.env.NODE_ENV, VITE_BACKEND: process.env.VITE_BACKEND, VITE_BACKEND_URL: process.env.VITE_BACKEND_URL };
  // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
  process.env.NODE_ENV = 'production';
  delete process.env.VITE_BACKEND_URL;
  try {
    const widgetConfig = resolve(root, 'vite.widget.config.ts');
    await build({ root, configFile: widgetConfig, mode: 'production', logLevel: 'warn', build: { outDir: widget, emptyOutDir: true } });
    await build({ root, configFile: widgetConfig, mode: 'iife', logLevel: 'warn', build: { outDir: widget, emptyOutDir: false } });
    process.env.VITE_BACKEND = 'server';
    await build({ root, configFile: resolve(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: serverSpa, emptyOutDir: true } });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
});

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

/** The concatenated text of a build's scripts: to show the scan reads real, complete output. */
function scriptsOf(dir: string): string {
  return listFiles(dir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

describe('browser bundles', () => {
  it('the SPA (dist/) holds no provider SDK, secret setting or secret', () => {
    expect(scriptsOf(spa)).toContain('invite-not-received');
    expect(findBundleLeaks([spa], secretSettings)).toEqual([]);
  });

  it('the server-mode SPA (VITE_BACKEND=server) holds no provider SDK, secret setting or secret', () => {
    // The server-mode build talks to /v1/: its HTTP adapter is in the bundle.
    expect(scriptsOf(serverSpa)).toContain('/v1/');
    expect(findBundleLeaks([serverSpa], secretSettings)).toEqual([]);
  });

  it('the widget (dist-widget/, ES modules and the script-tag loader) holds no provider SDK, secret setting or secret', () => {
    const files = listFiles(widget).map((file) => file.slice(widget.length + 1));
    expect(files).toEqual(expect.arrayContaining(['invite-doctor.js', 'invite-doctor-bridge.js', 'invite-doctor.iife.js']));
    expect(files.some((file) => file.startsWith('chunks/flow-invite-not-received-'))).toBe(true);
    expect(findBundleLeaks([widget], secretSettings)).toEqual([]);
  });

  it('checks the settings of every configured provider', () => {
    expect(secretSettings).toEqual(expect.arrayContaining(['CLERK_SECRET_KEY', 'SENDGRID_API_KEY', 'INVITE_DOCTOR_SECRET']));
  });
});
