import { describe, expect, it } from 'vitest';
import { defaultPolicy, type SessionContext } from '../../../src/engine/index.ts';
import { createMemoryBackend, demoSeed } from '../../../src/adapters/index.ts';
import { invitationActions } from '../../../src/registry/invitationActions.ts';
import { linkActions } from '../../../src/registry/linkActions.ts';

const now = Date.parse('2026-11-22T10:00:00.000Z');
const context: SessionContext = {
  flowId: 'invite-not-received',
  email: null,
  initialEmail: null,
  correctedEmail: null,
  facts: {},
  answers: {},
  trail: [],
  stepId: 'start',
  transcript: [],
  waitDeadline: null,
  lastError: null,
  startedAt: now,
};

// The UI shows a BackendError's message as the backend's own words ("the server said …"): an error
// the registry makes itself must carry none, or an English developer note would show in every language.
describe('errors the actions make themselves', () => {
  it.each([
    ['findUser', invitationActions.findUser],
    ['deliveryEvents', invitationActions.deliveryEvents],
    ['loadLinkEvents', linkActions.loadLinkEvents],
  ])('%s without an address fails by kind alone, with no English message', async (_name, action) => {
    const result = await action!.run({ context, backend: createMemoryBackend(demoSeed, () => now), policy: defaultPolicy, clock: () => now, signal: new AbortController().signal });
    expect(result).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(result.ok ? null : result.error.message).toBeUndefined();
  });
});
