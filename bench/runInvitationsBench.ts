/**
 * `node --import tsx bench/runInvitationsBench.ts [--quick]`: the invite-health page's figures
 * alone (see measureInvitationsSection), without the rest of `npm run bench`: one production build
 * in a temp folder, one static server, one Chromium. Prints the verdicts; writes nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildWithProjectConfig, projectRoot } from './buildWithProjectConfig.ts';
import { measureInvitationsSection } from './invitationsBench.ts';
import { launchChromium } from './launchChromium.ts';
import { serveStatic } from './serveStatic.ts';

const quick = process.argv.includes('--quick');
const workDir = await mkdtemp(path.join(os.tmpdir(), 'invite-doctor-bench-invitations-'));
try {
  console.log('Building the app (production, vite.config.ts)…');
  const app = await buildWithProjectConfig({ root: projectRoot, outDir: path.join(workDir, 'app') });
  const server = await serveStatic([{ prefix: '/', dir: app.outDir }]);
  const browser = await launchChromium();
  try {
    const { results, verdicts } = await measureInvitationsSection({ app, browser, serverUrl: server.url, quick });
    console.log('\nBudgets');
    for (const verdict of verdicts) console.log(`${verdict.pass === null ? 'INFO' : verdict.pass ? 'PASS' : 'FAIL'}  ${verdict.budget}: ${verdict.figure}`);
    console.log(`\n${JSON.stringify({ invitations: results }, (key, value: unknown) => (key === 'startPageFetches' ? undefined : value), 2)}`);
    process.exitCode = verdicts.some((verdict) => verdict.pass === false) ? 1 : 0;
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  await rm(workDir, { recursive: true, force: true });
}
