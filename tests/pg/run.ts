import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { findPostgresBinaries } from '../support/startPostgres.ts';

/**
 * `npm run test:pg [vitest args…]`: the PostgreSQL suite. Without PostgreSQL binaries it says so
 * in one line and succeeds, except in CI (CI=true), where it runs anyway so the global setup
 * fails loudly with what to install.
 */
const ci = process.env.CI === 'true' || process.env.CI === '1';
if (!findPostgresBinaries() && !ci) {
  console.log('PostgreSQL suite skipped: no PostgreSQL binaries found (install postgresql to run it)');
  process.exit(0);
}
const root = resolve(import.meta.dirname, '../..');
const vitest = resolve(root, 'node_modules/vitest/vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', '--config', 'vitest.pg.config.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (result.error) throw result.error;
process.exit(result.status ?? 1);
