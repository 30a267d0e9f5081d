import { describe, expect, it } from 'vitest';
import { runDoctor, type DoctorDeps, type OpenedBackend } from '../../../scripts/lib/runDoctor.ts';
import { parseDoctorArgs } from '../../../scripts/lib/parseDoctorArgs.ts';
import type { MemoryBackend } from '../../../src/adapters/index.ts';
import { benchClock, createBenchBackend } from '../../support/shippedFlowBench.ts';

/** `npm run doctor` through its main function, with the demo organisation as the configured backend. */
async function doctor(argv: string[], backend: MemoryBackend = createBenchBackend(), open?: DoctorDeps['openBackend']) {
  let out = '';
  let err = '';
  let closed = 0;
  const opened: OpenedBackend = { backend, close: async () => void closed++ };
  const code = await runDoctor(argv, {
    env: {},
    openBackend: open ?? (async () => opened),
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    clock: benchClock,
  });
  return { code, out, err, closed };
}

describe('npm run doctor', () => {
  it('prints, per address, the user facts, the delivery problem, the steps passed and where it stops', async () => {
    const { code, out, err, closed } = await doctor(['gus.nomailbox@example.com', 'cara.expired@example.com']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(closed).toBe(1);
    const [gus, cara] = out.split(/\n(?=\S)/);
    expect(gus).toMatch(/^gus\.nomailbox@example\.com\n {2}user {8}invited, team a, SSO no\n/);
    expect(gus).toContain('delivery    bad-mailbox (5.1.1)');
    expect(gus).toContain('passed      lookupUser → routeByUser → loadDeliveryLog');
    expect(gus).toContain('stops at    fixAddress (input)');
    expect(cara).toContain('next        would offer: resendInvite (Send a new invitation?)');
  });

  it('names the question in English, with the address filled in', async () => {
    const { out } = await doctor(['--json', 'nobody.here@example.com', 'dan.active@example.com']);
    const report = JSON.parse(out) as { results: Array<{ stop: { stepId: string; text: string }; lookup: string; next: string }> };
    expect(report.results[0]).toMatchObject({ lookup: 'not-found', stop: { stepId: 'notFound', text: 'Nobody with this address has been invited' } });
    expect(report.results[1]).toMatchObject({ stop: { stepId: 'alreadyActive', text: 'dan.active@example.com already has an account' } });
    expect(report.results[1]?.next).toBe('asks: dan.active@example.com already has an account');
  });

  it('prints JSON with --json: the flow, the backend description and one result per address', async () => {
    const { code, out } = await doctor(['--json', 'eve.deactivated@example.com', 'dan.active@example.com']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as { flow: string; results: Array<{ email: string; conclusion: string | null; user: { status: string } }> };
    expect(report.flow).toBe('invite-not-received');
    expect(report.results.map((result) => [result.email, result.user.status, result.conclusion])).toEqual([
      ['eve.deactivated@example.com', 'deactivated', 'not-resolved'],
      ['dan.active@example.com', 'active', null],
    ]);
  });

  it('never prints the invite link, even when the backend puts it in an error message', async () => {
    const backend = createBenchBackend();
    const link = await backend.getInviteLink('usr_gus');
    if (!link.ok) throw new Error('no link');
    const token = link.value.url.split('/').pop() as string;
    backend.injectFault('findUser', { kind: 'unavailable', cause: 'server', status: 502, message: `upstream said: ${link.value.url}` });
    const text = await doctor(['gus.nomailbox@example.com'], backend);
    backend.injectFault('findUser', { kind: 'unavailable', cause: 'server', status: 502, message: `upstream said: ${link.value.url}` });
    const json = await doctor(['--json', 'gus.nomailbox@example.com'], backend);
    for (const run of [text, json]) {
      expect(run.out + run.err).toContain('/•••');
      expect(run.out + run.err).not.toContain(token);
    }
  });

  it('exits 1 and says why when the backend cannot be opened', async () => {
    const { code, out, err } = await doctor(['ana.invited@example.com'], undefined, async () => {
      throw new Error('IDENTITY=clerk needs CLERK_SECRET_KEY.');
    });
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe('The backend could not be opened: IDENTITY=clerk needs CLERK_SECRET_KEY.\n');
  });

  it('exits 1 when the backend does not answer a lookup, after printing what it saw', async () => {
    const backend = createBenchBackend();
    backend.injectFault('findUser', { kind: 'unavailable', cause: 'network', message: 'connection refused' });
    const { code, out, err, closed } = await doctor(['ana.invited@example.com'], backend);
    expect(code).toBe(1);
    expect(out).toContain('next        findUser failed: unavailable (network): connection refused');
    expect(err).toBe('The backend could not be reached: findUser: unavailable (network): connection refused\n');
    expect(closed).toBe(1);
  });

  it('exits 2 naming an invalid address, and opens no backend', async () => {
    let opened = false;
    const { code, err } = await doctor(['ana.invited@example.com', 'not-an-address'], undefined, async () => {
      opened = true;
      throw new Error('unreachable');
    });
    expect(code).toBe(2);
    expect(err).toMatch(/^Not an email address: "not-an-address"/);
    expect(opened).toBe(false);
  });

  it('exits 2 without addresses, on an unknown option and on an unknown flow', async () => {
    expect((await doctor([])).code).toBe(2);
    expect(await doctor(['--verbose', 'ana.invited@example.com'])).toMatchObject({ code: 2, err: expect.stringMatching(/^Unknown option --verbose/) });
    expect(await doctor(['--flow', 'no-such-flow', 'ana.invited@example.com'])).toMatchObject({ code: 2, err: expect.stringMatching(/no flow "no-such-flow"/) });
  });

  it('explains itself with --help', async () => {
    const { code, out } = await doctor(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: npm run --silent doctor -- \[--json\]/);
    expect(out).toContain('Exit codes: 0');
  });

  it('reads each address once, as normalised', () => {
    expect(parseDoctorArgs(['Ana.Invited@Example.COM', 'ana.invited@example.com', '--json'])).toMatchObject({ kind: 'run', json: true });
  });
});
