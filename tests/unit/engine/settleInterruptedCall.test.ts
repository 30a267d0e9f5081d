import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { compileFlow, currentStep, interruptedCall, toSessionRecord, type FlowRegistry, type InvitationBackend } from '../../../src/engine/index.ts';
import { resumeOrStart } from '../../../src/app/resumeOrStart.ts';
import { createFlow, createTestRegistry } from '../../support/createFlow.ts';
import { createFakeBackend } from '../../support/createFakeBackend.ts';

/**
 * A resend whose answer was lost (the network went down after the request left; the page was
 * reloaded): the saved session must not send it again by itself when it resumes.
 */
function registry(): FlowRegistry {
  const base = createTestRegistry();
  return { ...base, actions: { ...base.actions, resendInvite: { ...base.actions.resendInvite!, sideEffect: true } } };
}

const flow = createFlow({
  lookup: { kind: 'action', title: 'flows.notReceived.lookupUser.title', action: 'findUser', next: 'ask', errors: { other: 'gaveUp' } },
  ask: { kind: 'question', title: 'flows.notReceived.resolvedArrived.title', options: [{ id: 'resend', label: 'flows.notReceived.resolvedArrived.title', next: 'resend' }] },
  resend: { kind: 'action', title: 'flows.notReceived.resendInvite.title', action: 'resendInvite', next: 'done', errors: { other: 'gaveUp' } },
  done: { kind: 'outcome', title: 'flows.notReceived.resolvedArrived.title', result: 'resolved' },
  gaveUp: { kind: 'outcome', title: 'flows.notReceived.escalate.title', result: 'escalated' },
});

function compile(backend: InvitationBackend) {
  const result = compileFlow(flow, { registry: registry(), backend });
  if (!result.ok) throw new Error('does not compile');
  return result.compiled;
}

/** The session as localStorage holds it, saved while `hang`'s call was under way (it never answers). */
async function savedWhileCalling(hang: 'findUser' | 'resendInvite') {
  const { backend } = createFakeBackend();
  const never = () => new Promise<never>(() => {});
  const compiled = compile({ ...backend, [hang]: never });
  const actor = createActor(compiled.machine, { input: { email: 'cara@example.com' } }).start();
  if (hang === 'resendInvite') {
    await waitFor(actor, (snapshot) => snapshot.value === 'ask');
    actor.send({ type: 'answer.select', optionId: 'resend' });
    actor.send({ type: 'action.confirm' });
  }
  expect(currentStep(compiled.flow, actor.getSnapshot())?.running).toBe(true);
  const record = JSON.parse(JSON.stringify(toSessionRecord(flow.id, compiled.hash, actor.getPersistedSnapshot(), 1))) as unknown;
  actor.stop();
  return record;
}

async function resume(record: unknown) {
  const { backend, calls } = createFakeBackend();
  const compiled = compile(backend);
  const plan = resumeOrStart({ flowId: flow.id, flowHash: compiled.hash, sessionId: 's1', stepId: 'resend', record, email: null, machine: compiled.machine, createId: () => 'new' });
  const actor = createActor(compiled.machine, { input: plan.input, snapshot: plan.snapshot as never }).start();
  await new Promise((resolve) => setTimeout(resolve, 10));
  return { actor, calls, compiled };
}

describe('resuming a session saved while a call was under way', () => {
  it('puts a side effect in flight back on its confirmation, sends nothing by itself, and knows the earlier call was never answered', async () => {
    const { actor, calls, compiled } = await resume(await savedWhileCalling('resendInvite'));
    const here = currentStep(compiled.flow, actor.getSnapshot());
    expect(here).toMatchObject({ id: 'resend', confirming: true, running: false });
    expect(calls).toEqual([]);
    expect(interruptedCall(actor.getSnapshot().context, 'resend')).toMatchObject({ type: 'call', action: 'resendInvite' });

    actor.send({ type: 'action.confirm' });
    await waitFor(actor, (snapshot) => snapshot.hasTag('outcome'));
    expect(calls).toEqual(['resendInvite']);
    expect(actor.getSnapshot().value).toBe('done');
  });

  it('runs a lookup in flight again: reading twice harms nothing', async () => {
    const { actor, calls } = await resume(await savedWhileCalling('findUser'));
    await waitFor(actor, (snapshot) => snapshot.value === 'ask');
    expect(calls).toEqual(['findUser']);
  });

  it('says nothing was interrupted on a confirmation reached the ordinary way', async () => {
    const { backend } = createFakeBackend();
    const compiled = compile(backend);
    const actor = createActor(compiled.machine, { input: { email: 'cara@example.com' } }).start();
    await waitFor(actor, (snapshot) => snapshot.value === 'ask');
    actor.send({ type: 'answer.select', optionId: 'resend' });
    expect(currentStep(compiled.flow, actor.getSnapshot())?.confirming).toBe(true);
    expect(interruptedCall(actor.getSnapshot().context, 'resend')).toBeNull();
  });
});
