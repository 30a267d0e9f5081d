import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { compileFlow, currentStep, ok, restoreSessionRecord, toSessionRecord, type FlowRegistry, type InvitationBackend } from '../../../src/engine/index.ts';
import { createFlow, createTestRegistry } from '../../support/createFlow.ts';
import { createFakeBackend } from '../../support/createFakeBackend.ts';

/** The test registry with resendInvite marked as a side effect, as the shipped registry marks it. */
function registryWithSideEffect(): FlowRegistry {
  const base = createTestRegistry();
  return { ...base, actions: { ...base.actions, resendInvite: { ...base.actions.resendInvite!, sideEffect: true } } };
}

const flow = createFlow({
  lookup: { kind: 'action', action: 'findUser', next: 'ask', errors: { other: 'gaveUp' } },
  ask: { kind: 'question', options: [{ id: 'resend', label: 't.resend', next: 'resend' }] },
  resend: { kind: 'action', action: 'resendInvite', next: 'done', errors: { other: 'gaveUp' } },
  done: { kind: 'outcome', result: 'resolved' },
  gaveUp: { kind: 'outcome', result: 'escalated' },
});

function compile(backend: InvitationBackend) {
  const result = compileFlow(flow, { registry: registryWithSideEffect(), backend });
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result.compiled;
}

async function atConfirmation() {
  const { backend, calls } = createFakeBackend();
  const compiled = compile(backend);
  const actor = createActor(compiled.machine, { input: { email: 'ana@example.com' } }).start();
  await waitFor(actor, (snapshot) => currentStep(compiled.flow, snapshot)?.id === 'ask');
  actor.send({ type: 'answer.select', optionId: 'resend' });
  return { actor, compiled, calls, backend };
}

describe('a side-effect action step', () => {
  it('waits in confirming, shown and on the trail, and calls nothing until action.confirm', async () => {
    const { actor, compiled, calls } = await atConfirmation();
    const snapshot = actor.getSnapshot();
    expect(currentStep(compiled.flow, snapshot)).toMatchObject({ id: 'resend', confirming: true, running: false, failed: false });
    expect(snapshot.hasTag('confirming')).toBe(true);
    expect(snapshot.context.trail).toEqual(['ask', 'resend']);
    expect(snapshot.context.transcript.filter((entry) => entry.type === 'step').map((entry) => entry.type === 'step' && entry.stepId)).toEqual(['ask', 'resend']);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toEqual(['findUser']);

    actor.send({ type: 'action.confirm' });
    await waitFor(actor, (state) => state.hasTag('outcome'));
    expect(actor.getSnapshot().hasTag('outcome:resolved')).toBe(true);
    expect(calls).toEqual(['findUser', 'resendInvite']);
  });

  it('goes Back from the confirmation to the step before it, like any visible step, without calling', async () => {
    const { actor, compiled, calls } = await atConfirmation();
    actor.send({ type: 'step.back' });
    expect(currentStep(compiled.flow, actor.getSnapshot())).toMatchObject({ id: 'ask', confirming: false });
    expect(actor.getSnapshot().context.trail).toEqual(['ask']);
    expect(calls).toEqual(['findUser']);
  });

  it('asks again after Back and a new answer: an earlier confirmation does not carry over', async () => {
    const { actor, compiled } = await atConfirmation();
    actor.send({ type: 'step.back' });
    actor.send({ type: 'answer.select', optionId: 'resend' });
    expect(currentStep(compiled.flow, actor.getSnapshot())).toMatchObject({ id: 'resend', confirming: true });
  });

  it('resumes a session saved while confirming in confirming, and never calls by itself', async () => {
    const { actor, compiled } = await atConfirmation();
    const record = toSessionRecord(flow.id, compiled.hash, actor.getPersistedSnapshot(), 0);
    actor.stop();
    const restored = restoreSessionRecord(JSON.parse(JSON.stringify(record)), flow.id, compiled.hash);
    if (!restored.ok) throw new Error(restored.error.kind);

    const { backend, calls } = createFakeBackend();
    const again = compile(backend);
    const resumed = createActor(again.machine, { snapshot: restored.snapshot as never, input: {} }).start();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(currentStep(again.flow, resumed.getSnapshot())).toMatchObject({ id: 'resend', confirming: true });
    expect(calls).toEqual([]);
    resumed.send({ type: 'action.confirm' });
    await waitFor(resumed, (state) => state.hasTag('outcome'));
    expect(calls).toEqual(['resendInvite']);
  });

  it('does not run a confirmed side effect again when the session is resumed after it ran', async () => {
    const { actor, compiled, calls } = await atConfirmation();
    actor.send({ type: 'action.confirm' });
    await waitFor(actor, (state) => state.hasTag('outcome'));
    expect(calls).toEqual(['findUser', 'resendInvite']);
    const record = toSessionRecord(flow.id, compiled.hash, actor.getPersistedSnapshot(), 0);
    actor.stop();

    const { backend, calls: callsAfter } = createFakeBackend();
    const again = compile(backend);
    const restored = restoreSessionRecord(JSON.parse(JSON.stringify(record)), flow.id, again.hash);
    if (!restored.ok) throw new Error(restored.error.kind);
    createActor(again.machine, { snapshot: restored.snapshot as never, input: {} }).start();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(callsAfter).toEqual([]);
  });

  it('runs a confirmed call that never got an answer (a refused key) exactly once when resumed after signing in again', async () => {
    const { actor, compiled, backend } = await atConfirmation();
    // The call hangs, as watchForSignedOut keeps a 401 pending: the saved session stops in running.
    backend.resendInvite = () => new Promise(() => {});
    actor.send({ type: 'action.confirm' });
    expect(currentStep(compiled.flow, actor.getSnapshot())).toMatchObject({ id: 'resend', running: true });
    const record = toSessionRecord(flow.id, compiled.hash, actor.getPersistedSnapshot(), 0);
    actor.stop();

    const { backend: signedIn, calls } = createFakeBackend();
    const again = compile(signedIn);
    const restored = restoreSessionRecord(JSON.parse(JSON.stringify(record)), flow.id, again.hash);
    if (!restored.ok) throw new Error(restored.error.kind);
    const resumed = createActor(again.machine, { snapshot: restored.snapshot as never, input: {} }).start();
    await waitFor(resumed, (state) => state.hasTag('outcome'));
    expect(calls).toEqual(['resendInvite']);
    expect(resumed.getSnapshot().context.transcript.filter((entry) => entry.type === 'call' && entry.action === 'resendInvite')).toHaveLength(1);
  });

  it('retries a failed side effect on Try again without asking a second time (that press is deliberate too)', async () => {
    const { actor, compiled, backend } = await atConfirmation();
    let attempts = 0;
    backend.resendInvite = async () => (++attempts === 1 ? { ok: false, error: { kind: 'unavailable', cause: 'timeout' } } : ok({ sentAt: 'a', expiresAt: 'b' }));
    actor.send({ type: 'action.confirm' });
    await waitFor(actor, (state) => currentStep(compiled.flow, state)?.failed === true);
    actor.send({ type: 'action.retry' });
    await waitFor(actor, (state) => state.hasTag('outcome:resolved'));
    expect(attempts).toBe(2);
  });

  it('leaves steps of actions without a side effect as before: they call at once and are not on the trail', async () => {
    const { actor } = await atConfirmation();
    expect(actor.getSnapshot().context.trail).not.toContain('lookup');
  });
});
