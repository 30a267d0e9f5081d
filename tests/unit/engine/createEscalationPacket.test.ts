import { describe, expect, it } from 'vitest';
import { createEscalationPacket, maskSecrets, redactAddress, type ResolvedFlow, type SessionContext } from '../../../src/engine/index.ts';
import { createUser } from '../../support/createFakeBackend.ts';

const flow = { id: 'invite-not-received', version: '1.0.0', title: 't', start: 'a', entries: {}, steps: {}, redirects: {} } as ResolvedFlow;
const at = Date.parse('2026-11-22T10:00:00.000Z');

function caseContext(): SessionContext {
  return {
    flowId: 'invite-not-received',
    email: 'gus.nomailbox@example.com',
    initialEmail: 'gus.nomailbox@example.com',
    correctedEmail: null,
    facts: {
      user: createUser({ email: 'gus.nomailbox@example.com' }),
      delivery: { action: 'fix-address', category: 'bad-mailbox', code: '5.1.1', adviceKey: 'k.x', raw: '550 5.1.1 <gus.nomailbox@example.com>: user unknown', at: '2026-11-21T10:00:00.000Z' },
      inviteLink: { url: 'https://app.example.com/invite/abcdefghijklmnopqrstuvwxyz123456', expiresAt: '2026-11-29T10:00:00.000Z', singleUse: true },
    },
    answers: { confirmAddress: 'correct' },
    trail: ['confirmAddress'],
    stepId: 'escalate',
    transcript: [
      { type: 'call', at, stepId: 'lookupUser', action: 'findUser' },
      { type: 'result', at, stepId: 'lookupUser', action: 'findUser', summary: { found: true, status: 'invited' } },
      { type: 'answer', at: at + 1000, stepId: 'confirmAddress', optionId: 'correct' },
      { type: 'error', at: at + 2000, stepId: 'resendInvite', action: 'resendInvite', error: { kind: 'rate_limited', retryAfterMs: 420000 } },
      { type: 'note', at: at + 3000, stepId: 'escalate', text: 'sent them https://app.example.com/invite/abcdefghijklmnopqrstuvwxyz123456 | by chat' },
    ],
    waitDeadline: null,
    lastError: null,
    startedAt: at,
  };
}

describe('the escalation packet', () => {
  it('holds the user, the status facts, what was tried with results and times, notes, and the flow version', () => {
    const { json, markdown } = createEscalationPacket(caseContext(), { flow, hash: 'h1', outcome: 'escalated', now: at + 5000 });
    expect(json.flow).toEqual({ id: 'invite-not-received', version: '1.0.0', hash: 'h1' });
    expect(json.user).toMatchObject({ email: 'gus.nomailbox@example.com', status: 'invited', team: 'a' });
    expect(json.delivery).toMatchObject({ code: '5.1.1', category: 'bad-mailbox' });
    expect(json.tried).toEqual([
      { at: '2026-11-22T10:00:00.000Z', action: 'findUser', result: 'ok', detail: 'found: true, status: invited' },
      { at: '2026-11-22T10:00:02.000Z', action: 'resendInvite', result: 'error', detail: 'rate_limited (retryAfterMs: 420000)' },
    ]);
    expect(json.answers).toEqual([{ at: '2026-11-22T10:00:01.000Z', stepId: 'confirmAddress', answer: 'correct' }]);
    expect(markdown).toContain('## Invitation not received: gus.nomailbox@example.com');
    expect(markdown).toContain('| status | invited |');
    expect(markdown).toContain('resendInvite: failed (rate_limited (retryAfterMs: 420000))');
  });

  it('masks links and tokens, also in notes, and escapes table pipes', () => {
    const { json, markdown } = createEscalationPacket(caseContext(), { flow, hash: 'h1', outcome: 'escalated', now: at });
    expect(JSON.stringify(json)).not.toContain('abcdefghijklmnopqrstuvwxyz');
    expect(markdown).not.toContain('abcdefghijklmnopqrstuvwxyz');
    expect(json.notes[0]?.text).toBe('sent them https://app.example.com/••• | by chat');
    expect(markdown).toContain('sent them https://app.example.com/••• \\| by chat');
  });

  it('redacts the address everywhere when asked, keeping the domain', () => {
    const { json, markdown } = createEscalationPacket(caseContext(), { flow, hash: 'h1', outcome: null, now: at, redactAddress: true });
    expect(json.user.email).toBe('g•••@example.com');
    expect(json.delivery?.text).toBe('550 5.1.1 <g•••@example.com>: user unknown');
    expect(markdown).not.toContain('gus.nomailbox');
  });
});

describe('maskSecrets', () => {
  it('keeps ordinary text and hides URLs and long tokens', () => {
    expect(maskSecrets('resend at 10:15, code 5.1.1')).toBe('resend at 10:15, code 5.1.1');
    expect(maskSecrets('http://x.example/reset?token=abc')).toBe('http://x.example/•••');
    expect(maskSecrets('token Zk3QpL9sT2vX8yB4nM7cR1wE5uH0')).toBe('token Zk3Q•••');
  });

  it('redacts an address to its first letter and domain', () => {
    expect(redactAddress('anna@example.com')).toBe('a•••@example.com');
    expect(redactAddress('no-at-sign')).toBe('•••');
  });
});
