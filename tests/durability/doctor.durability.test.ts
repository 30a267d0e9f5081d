import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskSecrets } from '../../src/engine/index.ts';
import { runDoctorProcess, type DoctorRun } from '../support/runDoctorProcess.ts';
import { freePort } from '../support/spawnServer.ts';

/**
 * `npm run doctor` as its own process, on the backend the server would build from the same
 * environment (server/identity/openConfiguredBackend.ts): the server's own embedded store with the
 * demo organisation, and a provider that is misconfigured or out of reach. Slow for the same
 * reason as the rest of this gate: each run opens the embedded database in a new process.
 */
let dataDir: string;

function runDoctor(args: string[], env: NodeJS.ProcessEnv = {}): Promise<DoctorRun> {
  return runDoctorProcess(args, { INVITE_DOCTOR_DATA: dataDir, IDENTITY: '', DELIVERY: '', DATABASE_URL: '', ...env });
}

interface JsonReport {
  results: Array<{
    email: string;
    lookup: string;
    user: { status: string; lastSentAt: string | null; expiresAt: string | null } | null;
    delivery: { category: string; code: string | null } | null;
    stop: { kind: string; stepId: string; action?: string; text: string };
    conclusion: string | null;
  }>;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'doctor-durability-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run doctor, as a process', () => {
  it('diagnoses the demo organisation in the server’s own store, prints no secret and changes nothing', async () => {
    const first = await runDoctor(['--json', 'gus.nomailbox@example.com', 'cara.expired@example.com', 'eve.deactivated@example.com', 'nobody.here@example.com']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as JsonReport;
    const [gus, cara, eve, nobody] = report.results;
    expect(gus).toMatchObject({ lookup: 'found', delivery: { category: 'bad-mailbox', code: '5.1.1' }, stop: { kind: 'input', stepId: 'fixAddress' } });
    expect(cara).toMatchObject({ stop: { kind: 'confirm', stepId: 'resendInvite', action: 'resendInvite', text: 'Send a new invitation?' } });
    expect(eve).toMatchObject({ user: { status: 'deactivated' }, conclusion: 'not-resolved' });
    expect(nobody).toMatchObject({ lookup: 'not-found', user: null, stop: { kind: 'question', stepId: 'notFound' } });
    // Nothing left to mask: no link, token or key in what was printed.
    expect(maskSecrets(first.stdout)).toBe(first.stdout);

    // The resend was only offered: a second run finds cara's invitation exactly as it was.
    const second = await runDoctor(['cara.expired@example.com']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`last sent ${cara?.user?.lastSentAt}, expires ${cara?.user?.expiresAt}`);
    expect(second.stdout).toContain('next        would offer: resendInvite (Send a new invitation?)');
    expect(maskSecrets(second.stdout)).toBe(second.stdout);
  });

  it('exits 1 naming the bad setting, never its value, when the configured provider is misconfigured', async () => {
    const secretKey = 'sk_test_doctorDurabilityNotARealKey123456';
    const run = await runDoctor(['ana.invited@example.com'], { IDENTITY: 'clerk', CLERK_SECRET_KEY: secretKey, CLERK_API_URL: 'not a url' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^The backend could not be opened: .*CLERK_API_URL/);
    expect(run.stdout + run.stderr).not.toContain(secretKey);
  });

  it('exits 1 and says so when the configured provider cannot be reached', async () => {
    const secretKey = 'sk_test_doctorDurabilityNotARealKey123456';
    const closedPort = await freePort();
    const run = await runDoctor(['ana.invited@example.com'], { IDENTITY: 'clerk', CLERK_SECRET_KEY: secretKey, CLERK_API_URL: `http://127.0.0.1:${closedPort}` });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('stops at    lookupUser (failed)');
    expect(run.stderr).toMatch(/^The backend could not be reached: findUser: unavailable/);
    expect(run.stdout + run.stderr).not.toContain(secretKey);
  });

  it('exits 2 naming an address that is not one, before opening anything', async () => {
    const run = await runDoctor(['ana.invited@example.com', 'ana.invited@'], { INVITE_DOCTOR_DATA: join(dataDir, 'never-created') });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Not an email address: "ana\.invited@"/);
  });
});
