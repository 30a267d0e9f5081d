import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import {
  compileFlow,
  currentStep,
  describeEdgeVia,
  flowEdges,
  flowNodes,
  restoreSessionRecord,
  toSessionRecord,
  type CompiledFlow,
  type Flow,
  type InvitationBackend,
} from '../../../src/engine/index.ts';
import { createFlow, createTestRegistry } from '../../support/createFlow.ts';
import { createFakeBackend, createUser } from '../../support/createFakeBackend.ts';

const registry = createTestRegistry();
let now = Date.parse('2026-11-22T10:00:00.000Z');
const clock = () => now;

function compile(flow: Flow, backend: InvitationBackend): CompiledFlow {
  const result = compileFlow(flow, { registry, backend, clock });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.compiled;
}

const questionnaire = createFlow({
  first: { kind: 'question', options: [{ id: 'a', label: 't.a', next: 'second' }] },
  second: { kind: 'question', options: [{ id: 'b', label: 't.b', next: 'third' }, { id: 'c', label: 't.c', next: 'third' }] },
  third: { kind: 'info', next: 'done' },
  done: { kind: 'outcome', result: 'resolved' },
});

describe('a compiled flow', () => {
  it('walks questions and records answers and a transcript', () => {
    const { backend } = createFakeBackend();
    const actor = createActor(compile(questionnaire, backend).machine, { input: {} }).start();
    actor.send({ type: 'answer.select', optionId: 'a' });
    actor.send({ type: 'answer.select', optionId: 'c' });
    actor.send({ type: 'step.continue' });
    const { context, value } = actor.getSnapshot();
    expect(value).toBe('done');
    expect(actor.getSnapshot().hasTag('outcome:resolved')).toBe(true);
    expect(context.answers).toEqual({ first: 'a', second: 'c' });
    expect(context.trail).toEqual(['first', 'second', 'third', 'done']);
    expect(context.transcript.map((entry) => entry.type)).toEqual(['step', 'answer', 'step', 'answer', 'step', 'step']);
  });

  it('ignores an option the current question does not have', () => {
    const { backend } = createFakeBackend();
    const actor = createActor(compile(questionnaire, backend).machine, { input: {} }).start();
    actor.send({ type: 'answer.select', optionId: 'nonsense' });
    expect(actor.getSnapshot().value).toBe('first');
  });

  it('goes back along the trail and drops answers given after the target step', () => {
    const { backend } = createFakeBackend();
    const actor = createActor(compile(questionnaire, backend).machine, { input: {} }).start();
    actor.send({ type: 'answer.select', optionId: 'a' });
    actor.send({ type: 'answer.select', optionId: 'c' });
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().value).toBe('second');
    actor.send({ type: 'step.back' });
    const { context, value } = actor.getSnapshot();
    expect(value).toBe('first');
    expect(context.answers).toEqual({ first: 'a' });
    expect(context.trail).toEqual(['first']);
    expect(context.transcript.filter((entry) => entry.type === 'back')).toHaveLength(2);
  });

  it('does nothing on Back at the first step', () => {
    const { backend } = createFakeBackend();
    const actor = createActor(compile(questionnaire, backend).machine, { input: {} }).start();
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().value).toBe('first');
  });

  it('restarts from the first step with a clean case but keeps the transcript', () => {
    const { backend } = createFakeBackend();
    const actor = createActor(compile(questionnaire, backend).machine, { input: { email: 'ana@example.com' } }).start();
    actor.send({ type: 'answer.select', optionId: 'a' });
    actor.send({ type: 'flow.restart' });
    const { context, value } = actor.getSnapshot();
    expect(value).toBe('first');
    expect(context.answers).toEqual({});
    expect(context.email).toBe('ana@example.com');
    expect(context.transcript.some((entry) => entry.type === 'restart')).toBe(true);
  });

  it('adds notes to the transcript, ignoring blank ones', () => {
    const { backend } = createFakeBackend();
    const actor = createActor(compile(questionnaire, backend).machine, { input: {} }).start();
    actor.send({ type: 'note.add', text: '  caller on mobile  ' });
    actor.send({ type: 'note.add', text: '   ' });
    expect(actor.getSnapshot().context.transcript.filter((entry) => entry.type === 'note')).toEqual([
      { type: 'note', at: now, stepId: 'first', text: 'caller on mobile' },
    ]);
  });
});

const lookupFlow = createFlow({
  lookup: { kind: 'action', action: 'findUser', next: 'route', errors: { not_permitted: 'denied', other: 'gaveUp' }, unsupported: 'askStatus' },
  route: { kind: 'check', branches: [{ when: 'isUserActive', next: 'active' }], otherwise: 'resend' },
  resend: { kind: 'action', action: 'resendInvite', next: 'sent', errors: { rate_limited: 'tooSoon', other: 'gaveUp' }, unsupported: 'manual' },
  askStatus: { kind: 'question', options: [{ id: 'active', label: 't.active', next: 'active' }, { id: 'invited', label: 't.invited', next: 'manual' }] },
  manual: { kind: 'info', next: 'sent' },
  active: { kind: 'outcome', result: 'resolved' },
  sent: { kind: 'outcome', result: 'resolved' },
  tooSoon: { kind: 'outcome', result: 'not-resolved' },
  denied: { kind: 'outcome', result: 'not-resolved' },
  gaveUp: { kind: 'outcome', result: 'escalated' },
});

describe('action steps', () => {
  it('calls the backend and branches on what it reports, without asking', async () => {
    const { backend, calls } = createFakeBackend({ user: createUser({ status: 'active' }) });
    const actor = createActor(compile(lookupFlow, backend).machine, { input: { email: 'ana@example.com' } }).start();
    await waitFor(actor, (snapshot) => snapshot.hasTag('outcome'));
    expect(actor.getSnapshot().value).toBe('active');
    expect(calls).toEqual(['findUser']);
  });

  it('routes an error kind the flow names to its own step', async () => {
    const { backend } = createFakeBackend({ failures: [{ kind: 'not_permitted' }] });
    const actor = createActor(compile(lookupFlow, backend).machine, { input: { email: 'ana@example.com' } }).start();
    await waitFor(actor, (snapshot) => snapshot.hasTag('outcome'));
    expect(actor.getSnapshot().value).toBe('denied');
    expect(actor.getSnapshot().context.lastError).toEqual({ kind: 'not_permitted' });
  });

  it('keeps the session on an unrouted error and succeeds on Retry', async () => {
    const { backend, calls } = createFakeBackend({ failures: [{ kind: 'unavailable', cause: 'timeout' }] });
    const compiled = compile(lookupFlow, backend);
    const actor = createActor(compiled.machine, { input: { email: 'ana@example.com' } }).start();
    await waitFor(actor, (snapshot) => snapshot.matches({ lookup: 'failed' }));
    const snapshot = actor.getSnapshot();
    expect(currentStep(compiled.flow, snapshot)).toMatchObject({ id: 'lookup', failed: true });
    expect(snapshot.context.lastError).toEqual({ kind: 'unavailable', cause: 'timeout' });
    actor.send({ type: 'action.retry' });
    await waitFor(actor, (s) => s.hasTag('outcome'));
    expect(actor.getSnapshot().value).toBe('sent');
    expect(actor.getSnapshot().context.lastError).toBeNull();
    expect(calls).toEqual(['findUser', 'findUser', 'resendInvite']);
  });

  it('gives up to errors.other when the person stops retrying', async () => {
    const { backend } = createFakeBackend({ failures: [{ kind: 'unavailable', cause: 'server', status: 503 }] });
    const actor = createActor(compile(lookupFlow, backend).machine, { input: { email: 'ana@example.com' } }).start();
    await waitFor(actor, (snapshot) => snapshot.matches({ lookup: 'failed' }));
    actor.send({ type: 'step.continue' });
    expect(actor.getSnapshot().value).toBe('gaveUp');
  });

  it('goes straight to errors.other from a step that is not retried: no failed screen, in the machine or the graph', async () => {
    const flow = createFlow({
      apply: { kind: 'action', action: 'refuseLocally', next: 'done', retry: false, errors: { other: 'gaveUp' } },
      done: { kind: 'outcome', result: 'resolved' },
      gaveUp: { kind: 'outcome', result: 'not-resolved' },
    });
    const { backend } = createFakeBackend();
    const actor = createActor(compile(flow, backend).machine, { input: {} }).start();
    await waitFor(actor, (snapshot) => snapshot.hasTag('outcome'));
    expect(actor.getSnapshot().value).toBe('gaveUp');
    expect(actor.getSnapshot().context.lastError).toEqual({ kind: 'not_found', message: 'nothing to apply' });
    expect(flowNodes(flow.steps)).toEqual(['apply', 'done', 'gaveUp']);
    expect(flowEdges(flow.steps).map((edge) => `${edge.from} -[${describeEdgeVia(edge.via)}]-> ${edge.to}`)).toEqual([
      'apply -[done]-> done',
      'apply -[error: other]-> gaveUp',
    ]);
  });

  it('turns a thrown exception into a typed error instead of crashing', async () => {
    const { backend } = createFakeBackend();
    backend.findUser = () => Promise.reject(new Error('socket hang up'));
    const actor = createActor(compile(lookupFlow, backend).machine, { input: { email: 'ana@example.com' } }).start();
    await waitFor(actor, (snapshot) => snapshot.matches({ lookup: 'failed' }));
    expect(actor.getSnapshot().context.lastError).toEqual({ kind: 'unavailable', cause: 'server', message: 'socket hang up' });
  });

  it('drops steps the backend cannot do and asks instead', () => {
    const { backend } = createFakeBackend({ capabilities: [] });
    const compiled = compile(lookupFlow, backend);
    expect(Object.keys(compiled.flow.steps)).not.toContain('lookup');
    expect(Object.keys(compiled.flow.steps)).not.toContain('resend');
    const actor = createActor(compiled.machine, { input: {} }).start();
    expect(actor.getSnapshot().value).toBe('askStatus');
    actor.send({ type: 'answer.select', optionId: 'invited' });
    expect(actor.getSnapshot().value).toBe('manual');
  });

  it('keeps secrets out of the transcript', async () => {
    const flow = createFlow({
      lookup: { kind: 'action', action: 'findUser', next: 'link', errors: { other: 'done' } },
      link: { kind: 'action', action: 'getInviteLink', next: 'show', errors: { other: 'done' } },
      show: { kind: 'info', next: 'done' },
      done: { kind: 'outcome', result: 'resolved' },
    });
    const { backend } = createFakeBackend();
    const actor = createActor(compile(flow, backend).machine, { input: { email: 'ana@example.com' } }).start();
    await waitFor(actor, (snapshot) => snapshot.value === 'show');
    expect(actor.getSnapshot().context.facts.inviteLink?.url).toContain('SECRET-TOKEN');
    expect(JSON.stringify(actor.getSnapshot().context.transcript)).not.toContain('SECRET-TOKEN');
  });
});

describe('wait steps', () => {
  const waitFlow = createFlow({
    lookup: { kind: 'action', action: 'findUser', next: 'wait', errors: { other: 'done' } },
    wait: { kind: 'wait', duration: 'deliveryWindowMs', from: 'lastSent', skippable: true, next: 'done' },
    done: { kind: 'outcome', result: 'resolved' },
  });

  it('counts the delivery window from the last send, not from now', async () => {
    now = Date.parse('2026-11-22T10:00:00.000Z');
    const { backend } = createFakeBackend({ user: createUser({ lastSentAt: '2026-11-22T09:57:00.000Z' }) });
    const actor = createActor(compile(waitFlow, backend).machine, { input: { email: 'ben@example.com' } }).start();
    await waitFor(actor, (snapshot) => snapshot.value === 'wait');
    expect(actor.getSnapshot().context.waitDeadline).toBe(Date.parse('2026-11-22T10:02:00.000Z'));
    actor.send({ type: 'wait.skip' });
    expect(actor.getSnapshot().value).toBe('done');
    expect(actor.getSnapshot().context.transcript.some((entry) => entry.type === 'wait' && entry.how === 'skipped')).toBe(true);
  });

  it('moves on by itself when the deadline passes', async () => {
    now = Date.parse('2026-11-22T10:00:00.000Z');
    const { backend } = createFakeBackend({ user: createUser({ lastSentAt: '2026-11-22T09:54:59.990Z' }) });
    const actor = createActor(compile(waitFlow, backend).machine, { input: { email: 'ben@example.com' } }).start();
    await waitFor(actor, (snapshot) => snapshot.value === 'done', { timeout: 2000 });
    expect(actor.getSnapshot().context.transcript.some((entry) => entry.type === 'wait' && entry.how === 'elapsed')).toBe(true);
  });

  it('resumes the countdown after a restore instead of losing the timer', async () => {
    now = Date.parse('2026-11-22T10:00:00.000Z');
    const { backend } = createFakeBackend({ user: createUser({ lastSentAt: '2026-11-22T09:57:00.000Z' }) });
    const compiled = compile(waitFlow, backend);
    const first = createActor(compiled.machine, { input: { email: 'ben@example.com' } }).start();
    await waitFor(first, (snapshot) => snapshot.value === 'wait');
    const record = toSessionRecord('test-flow', compiled.hash, first.getPersistedSnapshot(), now);
    first.stop();

    // Two minutes pass while the page is closed: the deadline has passed on reload.
    now = Date.parse('2026-11-22T10:02:30.000Z');
    const restored = restoreSessionRecord(JSON.parse(JSON.stringify(record)), 'test-flow', compiled.hash);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    const second = createActor(compiled.machine, { snapshot: restored.snapshot as never, input: {} }).start();
    await waitFor(second, (snapshot) => snapshot.value === 'done', { timeout: 2000 });
  });
});

describe('saved sessions', () => {
  it('never stores an invite link', async () => {
    const flow = createFlow({
      lookup: { kind: 'action', action: 'findUser', next: 'link', errors: { other: 'done' } },
      link: { kind: 'action', action: 'getInviteLink', next: 'show', errors: { other: 'done' } },
      show: { kind: 'info', next: 'done' },
      done: { kind: 'outcome', result: 'resolved' },
    });
    const { backend } = createFakeBackend();
    const compiled = compile(flow, backend);
    const actor = createActor(compiled.machine, { input: { email: 'ana@example.com' } }).start();
    await waitFor(actor, (snapshot) => snapshot.value === 'show');
    const record = toSessionRecord(flow.id, compiled.hash, actor.getPersistedSnapshot(), now);
    expect(JSON.stringify(record)).not.toContain('SECRET-TOKEN');
    const resumed = createActor(compiled.machine, { snapshot: record.snapshot as never, input: {} }).start();
    expect(resumed.getSnapshot().value).toBe('show');
    expect(resumed.getSnapshot().context.facts.inviteLink).toBeUndefined();
  });

  it('resumes at the same step with the same answers', () => {
    const { backend } = createFakeBackend();
    const compiled = compile(questionnaire, backend);
    const actor = createActor(compiled.machine, { input: {} }).start();
    actor.send({ type: 'answer.select', optionId: 'a' });
    const record = toSessionRecord(questionnaire.id, compiled.hash, actor.getPersistedSnapshot(), now);
    const restored = restoreSessionRecord(JSON.parse(JSON.stringify(record)), questionnaire.id, compiled.hash);
    if (!restored.ok) throw new Error('not restored');
    const resumed = createActor(compiled.machine, { snapshot: restored.snapshot as never, input: {} }).start();
    expect(resumed.getSnapshot().value).toBe('second');
    resumed.send({ type: 'step.back' });
    expect(resumed.getSnapshot().value).toBe('first');
  });

  it('refuses a session saved against a different version of the flow', () => {
    const { backend } = createFakeBackend();
    const compiled = compile(questionnaire, backend);
    const changed = compile({ ...questionnaire, version: '2' }, backend);
    expect(changed.hash).not.toBe(compiled.hash);
    const actor = createActor(compiled.machine, { input: {} }).start();
    const record = toSessionRecord(questionnaire.id, compiled.hash, actor.getPersistedSnapshot(), now);
    expect(restoreSessionRecord(record, questionnaire.id, changed.hash)).toEqual({ ok: false, error: { kind: 'flow-changed', flowId: 'test-flow' } });
  });

  it('refuses garbage without throwing', () => {
    expect(restoreSessionRecord('nonsense', 'x', 'h')).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    expect(restoreSessionRecord({ flowId: 'x', flowHash: 'h', snapshot: {} }, 'x', 'h')).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });

  it('gives a different hash when the backend offers different capabilities', () => {
    const full = compile(lookupFlow, createFakeBackend().backend);
    const small = compile(lookupFlow, createFakeBackend({ capabilities: ['lookup'] }).backend);
    expect(full.hash).not.toBe(small.hash);
  });
});



describe('named entries', () => {
  const withEntries = createFlow(
    {
      first: { kind: 'question', options: [{ id: 'a', label: 't.a', next: 'route' }] },
      route: { kind: 'check', branches: [{ when: 'always', next: 'done' }], otherwise: 'done' },
      done: { kind: 'outcome', result: 'resolved' },
      escalate: { kind: 'outcome', result: 'escalated' },
    },
    { entries: { escalate: 'escalate', deliveryError: 'route' } },
  );

  it('escalates from any step and records where from', () => {
    const actor = createActor(compile(withEntries, createFakeBackend().backend).machine, { input: {} }).start();
    actor.send({ type: 'flow.enter', entry: 'escalate' });
    const { value, context } = actor.getSnapshot();
    expect(value).toBe('escalate');
    expect(context.transcript.at(-2)).toMatchObject({ type: 'entry', from: 'first', entry: 'escalate' });
  });

  it('adds a pasted delivery error to the facts and routes on it', () => {
    const actor = createActor(compile(withEntries, createFakeBackend().backend).machine, { input: {} }).start();
    const finding = { action: 'fix-address', category: 'bad-mailbox', code: '5.1.1', adviceKey: 'x.y', raw: '550 5.1.1 unknown', at: '2026-11-22T10:00:00.000Z' };
    actor.send({ type: 'flow.enter', entry: 'deliveryError', finding });
    expect(actor.getSnapshot().value).toBe('done');
    expect(actor.getSnapshot().context.facts.delivery).toEqual(finding);
    expect(actor.getSnapshot().context.transcript.find((entry) => entry.type === 'entry')).toMatchObject({ detail: { code: '5.1.1' } });
  });

  it('ignores an entry the flow does not declare', () => {
    const plain = createFlow({ first: { kind: 'info', next: 'done' }, done: { kind: 'outcome', result: 'resolved' } });
    const actor = createActor(compile(plain, createFakeBackend().backend).machine, { input: {} }).start();
    actor.send({ type: 'flow.enter', entry: 'escalate' });
    expect(actor.getSnapshot().value).toBe('first');
  });
});
