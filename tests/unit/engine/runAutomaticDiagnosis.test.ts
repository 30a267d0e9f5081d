import { describe, expect, it } from 'vitest';
import { compileFlow, runAutomaticDiagnosis, type CompiledFlow } from '../../../src/engine/index.ts';
import { demoSeed, type MemoryBackend, type MemorySeedFactory } from '../../../src/adapters/index.ts';
import { benchClock, benchNow, benchRegistry, createBenchBackend, loadShippedFlow } from '../../support/shippedFlowBench.ts';

/**
 * The automatic part of the diagnosis (what `npm run doctor` prints), driven against the demo
 * organisation: each person's story ends at a different first question, wait, confirmation or outcome.
 */
const flow = loadShippedFlow('invite-not-received.json');
const hour = 3_600_000;

function compiledFor(backend: MemoryBackend): CompiledFlow {
  const compiled = compileFlow(flow, { registry: benchRegistry, backend, clock: benchClock });
  if (!compiled.ok) throw new Error(compiled.problems.map((problem) => problem.message).join('\n'));
  return compiled.compiled;
}

async function diagnose(email: string, backend: MemoryBackend = createBenchBackend()) {
  return runAutomaticDiagnosis(compiledFor(backend), email);
}

describe('runAutomaticDiagnosis', () => {
  it('finds nobody at an unknown address and stops at the question what to do about it', async () => {
    const diagnosis = await diagnose('nobody.here@example.com');
    expect(diagnosis.lookup).toBe('not-found');
    expect(diagnosis.user).toBeNull();
    expect(diagnosis.stop).toEqual({ kind: 'question', stepId: 'notFound' });
    expect(diagnosis.calls).toEqual([{ stepId: 'lookupUser', action: 'findUser', error: null }]);
    expect(diagnosis.conclusion).toBeNull();
  });

  it('classifies a bounce to a mailbox that does not exist and asks for the right address', async () => {
    const diagnosis = await diagnose('gus.nomailbox@example.com');
    expect(diagnosis.user).toMatchObject({ status: 'invited', sso: false, team: 'a' });
    expect(diagnosis.deliveryRead).toBe(true);
    expect(diagnosis.delivery).toMatchObject({ category: 'bad-mailbox', code: '5.1.1' });
    expect(diagnosis.stop).toEqual({ kind: 'input', stepId: 'fixAddress' });
    expect(diagnosis.passed.map((step) => step.stepId)).toContain('routeByDelivery');
  });

  it('offers a resend for an expired invitation but never sends it', async () => {
    const backend = createBenchBackend();
    const before = await backend.findUser('cara.expired@example.com');
    const diagnosis = await diagnose('cara.expired@example.com', backend);
    expect(diagnosis.stop).toEqual({ kind: 'confirm', stepId: 'resendInvite', action: 'resendInvite' });
    expect(diagnosis.user?.expiresAt && Date.parse(diagnosis.user.expiresAt)).toBeLessThan(benchNow);
    expect(diagnosis.calls.map((call) => call.action)).not.toContain('resendInvite');
    expect(await backend.findUser('cara.expired@example.com')).toEqual(before);
  });

  it('does not treat an active user as a missing invitation', async () => {
    const diagnosis = await diagnose('dan.active@example.com');
    expect(diagnosis.user).toMatchObject({ status: 'active', expiresAt: null });
    expect(diagnosis.delivery).toBeNull();
    expect(diagnosis.stop).toEqual({ kind: 'question', stepId: 'alreadyActive' });
  });

  it('reaches an outcome by itself for a deactivated account', async () => {
    const diagnosis = await diagnose('eve.deactivated@example.com');
    expect(diagnosis.stop).toEqual({ kind: 'outcome', stepId: 'deactivated', result: 'not-resolved' });
    expect(diagnosis.conclusion).toBe('not-resolved');
  });

  it('stops at the delivery window of a fresh invitation and says when it ends', async () => {
    const diagnosis = await diagnose('ben.recent@example.com');
    // Sent 3 minutes before now, with a 5-minute delivery window.
    expect(diagnosis.stop).toEqual({ kind: 'wait', stepId: 'waitForDelivery', until: new Date(benchNow + 2 * 60_000).toISOString() });
  });

  it('lists every step passed through, checks included, and not the step it stopped at', async () => {
    const diagnosis = await diagnose('eve.deactivated@example.com');
    expect(diagnosis.passed).toEqual([
      { stepId: 'lookupUser', kind: 'action' },
      { stepId: 'routeByUser', kind: 'check' },
    ]);
  });

  it('stops where the wizard would show a failed lookup with Retry, naming the error', async () => {
    const backend = createBenchBackend();
    const error = { kind: 'unavailable', cause: 'timeout', message: 'timed out' } as const;
    backend.injectFault('findUser', error);
    const diagnosis = await diagnose('ana.invited@example.com', backend);
    expect(diagnosis.lookup).toBe('not-looked-up');
    expect(diagnosis.calls).toEqual([{ stepId: 'lookupUser', action: 'findUser', error }]);
    expect(diagnosis.stop).toEqual({ kind: 'failed', stepId: 'lookupUser', action: 'findUser', error });
  });

  it('masks a link quoted in the bounce text', async () => {
    const token = 'Zk3pQ9vX2mL7aB4cD8eF1gH6';
    const seed: MemorySeedFactory = (now, policy) => {
      const base = demoSeed(now, policy);
      return {
        ...base,
        events: base.events.map((event) =>
          event.email === 'gus.nomailbox@example.com' && event.kind === 'bounced' ? { ...event, text: `${event.text} (message for https://app.example.com/invite/${token})` } : event,
        ),
      };
    };
    const diagnosis = await diagnose('gus.nomailbox@example.com', createBenchBackend(seed));
    expect(diagnosis.delivery?.raw).toContain('https://app.example.com/•••');
    expect(JSON.stringify(diagnosis)).not.toContain(token);
  });

  it('never reports the invite link, even where the flow read one', async () => {
    const backend = createBenchBackend();
    const link = await backend.getInviteLink('usr_quinn');
    if (!link.ok) throw new Error('no link');
    const diagnosis = await diagnose('quinn.quota@example.com', backend);
    expect(diagnosis.delivery).toMatchObject({ category: 'not-sent' });
    expect(JSON.stringify(diagnosis)).not.toContain(link.value.url.split('/').pop());
    expect(diagnosis.user?.lastSentAt).toBe(new Date(benchNow - 2 * hour).toISOString());
  });
});
