import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBundleLeaks, knownSecretSettings, listFiles, providerSdkMarkers, serverSecretSettings } from '../../e2e/support/findBundleLeaks.ts';
import { repoRoot } from '../../../scripts/lib/loadProjectFiles.ts';

/** The scanner behind tests/e2e/bundleContents.e2e.ts, on planted files, and its markers against the installed SDKs. */
let dir: string;
let dist: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bundle-leaks-'));
  dist = path.join(dir, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><script type="module" src="/assets/index.js"></script>');
  writeFileSync(path.join(dist, 'assets/index.js'), 'const a="Postmark says: 550 5.1.1 mailbox unavailable";export{a};');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('findBundleLeaks', () => {
  it('finds nothing in a clean bundle, even one naming a provider in a bounce text', () => {
    expect(findBundleLeaks([dist])).toEqual([]);
  });

  it('finds an SDK by a string from its code, in a nested chunk', () => {
    mkdirSync(path.join(dist, 'assets/chunks'));
    writeFileSync(path.join(dist, 'assets/chunks/vendor-x1.js'), 'var u="https://api.clerk.com",v=1;');
    expect(findBundleLeaks([dist])).toEqual([{ file: 'dist/assets/chunks/vendor-x1.js', what: 'sdk @clerk/backend', excerpt: 'var u="https://api.clerk.com",v=1;' }]);
  });

  it('finds an SDK by its package name in a source map', () => {
    writeFileSync(path.join(dist, 'assets/index.js.map'), '{"sources":["../node_modules/@sendgrid/client/src/client.js"]}');
    expect(findBundleLeaks([dist]).map((leak) => [leak.file, leak.what])).toEqual([['dist/assets/index.js.map', 'sdk @sendgrid/client']]);
  });

  it('finds the name of a secret setting', () => {
    writeFileSync(path.join(dist, 'assets/config.js'), 'export const k=import.meta.env.SUPABASE_SERVICE_ROLE_KEY;');
    expect(findBundleLeaks([dist]).map((leak) => leak.what)).toEqual(['setting SUPABASE_SERVICE_ROLE_KEY']);
  });

  it('finds a secret value by its shape and never repeats it', () => {
    const key = `SG.${'a1B2c3D4e5F6g7H8i9J0kL'}.${'m1N2o3P4q5R6s7T8u9V0w1X2y3Z4a5B6c7D8e9F0g1H'}`;
    writeFileSync(path.join(dist, 'assets/leak.css'), `/* ${key} */`);
    const leaks = findBundleLeaks([dist]);
    expect(leaks).toEqual([{ file: 'dist/assets/leak.css', what: 'secret a SendGrid API key (SG.….…)', excerpt: '' }]);
    expect(JSON.stringify(leaks)).not.toContain(key);
  });

  it('refuses a folder that is not there, so an unbuilt bundle never passes as clean', () => {
    expect(() => findBundleLeaks([path.join(dir, 'dist-widget')])).toThrow();
  });

  it('collects the secret settings the server reads: provider settings, env reads and config keys', () => {
    const server = path.join(dir, 'server');
    mkdirSync(path.join(server, 'identity/acme'), { recursive: true });
    writeFileSync(path.join(server, 'identity/acme/acmeIdentity.ts'), "export const p = { settings: [\n  'ACME_DOMAIN',\n  'ACME_PRIVATE_KEY_PEM',\n  'ACME_RESET_PASSWORD_URL',\n] };");
    writeFileSync(path.join(server, 'config.ts'), "const a = env.ACME_WEBHOOK_SECRET; const s = z.object({ ACME_API_TOKEN: z.string(), ACME_REGION: z.string() });");
    expect(serverSecretSettings(server)).toEqual(['ACME_API_TOKEN', 'ACME_PRIVATE_KEY_PEM', 'ACME_WEBHOOK_SECRET']);
  });

  it("finds the real server's provider secrets among the settings it collects", () => {
    const found = serverSecretSettings(path.join(repoRoot, 'server'));
    expect(found).toContain('INVITE_DOCTOR_SECRET');
    expect(found.every((name) => /^[A-Z][A-Z0-9_]+$/.test(name))).toBe(true);
  });
});

describe('the SDK markers', () => {
  // Each string must really be in the SDK as installed (its own files or a package it depends on),
  // in shipped code, not only in types or docs: a marker nothing contains would pass every bundle.
  for (const [sdk, { code }] of Object.entries(providerSdkMarkers)) {
    it(`are in ${sdk}'s installed code`, () => {
      const missing = code.filter((marker) => !installedCodeContains(sdk, marker));
      expect(missing).toEqual([]);
    });
  }

  it('include every secret setting the issue names', () => {
    expect(knownSecretSettings).toEqual(expect.arrayContaining(['CLERK_SECRET_KEY', 'AUTH0_CLIENT_SECRET', 'SUPABASE_SERVICE_ROLE_KEY', 'WORKOS_API_KEY']));
  });
});

function installedCodeContains(sdk: string, marker: string): boolean {
  const packageDir = path.join(repoRoot, 'node_modules', sdk);
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const dirs = [packageDir, ...Object.keys(manifest.dependencies ?? {}).map((dependency) => path.join(repoRoot, 'node_modules', dependency))];
  for (const candidate of dirs) {
    let files: string[];
    try {
      files = listFiles(candidate).filter((file) => /\.(?:js|mjs|cjs)$/.test(file) && !file.includes(`${path.sep}node_modules${path.sep}`, packageDir.length));
    } catch {
      continue;
    }
    for (const file of files) if (readFileSync(file, 'utf8').includes(marker)) return true;
  }
  return false;
}
