import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { compileFlow, toSessionRecord } from '../../../src/engine/index.ts';
import { resumeOrStart, type SessionRequest } from '../../../src/app/resumeOrStart.ts';
import { createFlow, createTestRegistry } from '../../support/createFlow.ts';
import { createFakeBackend } from '../../support/createFakeBackend.ts';

const flow = createFlow({
  first: { kind: 'question', options: [{ id: 'a', label: 't.a', next: 'second' }] },
  second: { kind: 'outcome', result: 'resolved' },
});
const compiled = (() => {
  const result = compileFlow(flow, { registry: createTestRegistry(), backend: createFakeBackend().backend });
  if (!result.ok) throw new Error('does not compile');
  return result.compiled;
})();

function savedRecord(hash = compiled.hash) {
  const actor = createActor(compiled.machine, { input: { email: 'ana@example.com' } }).start();
  actor.send({ type: 'answer.select', optionId: 'a' });
  return JSON.parse(JSON.stringify(toSessionRecord(flow.id, hash, actor.getPersistedSnapshot(), 1))) as unknown;
}

const request = (overrides: Partial<SessionRequest>): SessionRequest => ({
  flowId: flow.id,
  flowHash: compiled.hash,
  sessionId: null,
  stepId: null,
  record: null,
  email: null,
  machine: compiled.machine,
  createId: () => 'new-id',
  ...overrides,
});

describe('resumeOrStart', () => {
  it('starts a new session with the address from the start page', () => {
    expect(resumeOrStart(request({ email: 'ana@example.com' }))).toEqual({ sessionId: 'new-id', snapshot: null, input: { email: 'ana@example.com' }, notice: null, drop: null });
  });

  it('resumes a saved session at its step', () => {
    const plan = resumeOrStart(request({ sessionId: 's1', stepId: 'second', record: savedRecord() }));
    expect(plan).toMatchObject({ sessionId: 's1', notice: null, drop: null });
    expect(createActor(compiled.machine, { input: {}, snapshot: plan.snapshot as never }).start().getSnapshot().value).toBe('second');
  });

  it('drops a session saved with another version of the flow and says so', () => {
    expect(resumeOrStart(request({ sessionId: 's1', record: savedRecord('old-hash'), email: 'ana@example.com' }))).toMatchObject({
      sessionId: 'new-id',
      snapshot: null,
      input: { email: 'ana@example.com' },
      notice: 'flow-changed',
      drop: 's1',
    });
  });

  it("starts from the beginning when a step URL names a session this browser does not have (someone else's link)", () => {
    expect(resumeOrStart(request({ sessionId: 'theirs', stepId: 'second' }))).toMatchObject({ sessionId: 'new-id', notice: 'not-saved', drop: null });
    expect(resumeOrStart(request({ stepId: 'second' }))).toMatchObject({ sessionId: 'new-id', notice: 'not-saved' });
  });

  it('refuses an unreadable record without throwing', () => {
    expect(resumeOrStart(request({ sessionId: 's1', record: { malformed: true } }))).toMatchObject({ notice: 'unreadable', drop: 's1' });
  });
});
