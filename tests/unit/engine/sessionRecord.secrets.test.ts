import { describe, expect, it } from 'vitest';
import { toSessionRecord } from '../../../src/engine/index.ts';
import { recordNote } from '../../../src/engine/sessionReducers.ts';
import type { SessionContext } from '../../../src/engine/index.ts';

const token = 'Zk3QpL9sT2vX8yB4nM7cR1wE5uH0';
const link = `https://app.example.com/invite/${token}`;

/** A persisted snapshot as `actor.getPersistedSnapshot()` shapes it, with secrets in every free text. */
function snapshot() {
  return {
    status: 'active',
    value: 'checkDeliveryLogForBounces',
    context: {
      email: 'anna.berg@example.com',
      facts: {
        user: { id: 'usr_0123456789abcdefghij0123', email: 'anna.berg@example.com' },
        inviteLink: { url: link, expiresAt: '2026-12-01T00:00:00Z', singleUse: true },
        delivery: { action: 'fix-address', category: 'bad-mailbox', code: '5.1.1', adviceKey: 'x', raw: `550 5.1.1 user unknown, see app.example.com/accept?token=${token}`, at: '2026-11-29T10:00:00Z' },
      },
      transcript: [
        { type: 'note', at: 1, stepId: 'linkReady', text: `Sent them ${link} and code=483920` },
        { type: 'input', at: 2, stepId: 'corrected', field: 'email', value: `anna@example.com https://u:hunter2@x.example/` },
        { type: 'error', at: 3, stepId: 'resend', action: 'resendInvite', error: { kind: 'conflict', message: `link ${link} already used` } },
      ],
      lastError: null,
    },
    children: { call: { snapshot: { input: { facts: { inviteLink: { url: link } } } }, src: 'resendInvite' } },
  };
}

describe('toSessionRecord keeps no secret', () => {
  const record = toSessionRecord('invite-not-received', 'h1', snapshot(), 10);
  const stored = JSON.stringify(record);

  it('has no link, token, code or credential anywhere', () => {
    expect(stored).not.toContain(token);
    expect(stored).not.toContain('483920');
    expect(stored).not.toContain('hunter2');
    expect(stored).not.toContain('/invite/');
    expect(stored).not.toContain('inviteLink');
  });

  it('masks notes, inputs, pasted errors and messages but keeps their readable rest', () => {
    const context = (record.snapshot as ReturnType<typeof snapshot>).context;
    expect(context.transcript[0]).toMatchObject({ text: 'Sent them https://app.example.com/••• and code=•••' });
    expect(context.transcript[1]).toMatchObject({ value: 'anna@example.com https://•••@x.example/' });
    expect(context.transcript[2]).toMatchObject({ error: { message: 'link https://app.example.com/••• already used' } });
    expect(context.facts.delivery.raw).toBe('550 5.1.1 user unknown, see app.example.com/•••');
  });

  it('keeps what resuming needs exact: ids, the state value, addresses, codes', () => {
    const restored = record.snapshot as ReturnType<typeof snapshot>;
    expect(restored.value).toBe('checkDeliveryLogForBounces');
    expect(restored.context.facts.user).toEqual({ id: 'usr_0123456789abcdefghij0123', email: 'anna.berg@example.com' });
    expect(restored.context.email).toBe('anna.berg@example.com');
    expect(restored.context.facts.delivery.code).toBe('5.1.1');
  });
});

describe('recordNote', () => {
  it('masks a link typed into a note at once', () => {
    const context = { stepId: 'linkReady', transcript: [] } as unknown as SessionContext;
    expect(recordNote(context, `  sent ${link}  `, 5).transcript).toEqual([{ type: 'note', at: 5, stepId: 'linkReady', text: 'sent https://app.example.com/•••' }]);
  });
});
