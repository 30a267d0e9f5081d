import { describe, expect, it } from 'vitest';
import { defaultPolicy, findSendingProblem, type BackendError, type DeliveryEvent, type Facts, type SessionContext } from '../../../src/engine/index.ts';
import { sendingGuards } from '../../../src/registry/sendingGuards.ts';
import { latestDeliveryProblem } from '../../../src/registry/invitationActions.ts';
import { sendingActions } from '../../../src/registry/sendingActions.ts';
import { createMemoryBackend, demoSeed } from '../../../src/adapters/index.ts';

const now = Date.parse('2026-11-22T10:00:00.000Z');
const minute = 60_000;
const email = 'ana@example.com';
const at = (ago: number) => new Date(now - ago).toISOString();
const invitedUser = { id: 'u1', email, status: 'invited' as const, invitedAt: at(60 * minute), lastSentAt: at(60 * minute), expiresAt: null, acceptedAt: null, setupCompleted: false, sso: false, team: 'a' };

function contextWith(facts: Facts, lastError: BackendError | null = null): SessionContext {
  return { flowId: 'invite-not-received', email, initialEmail: email, correctedEmail: null, facts, answers: {}, trail: [], stepId: 'start', transcript: [], waitDeadline: null, lastError, startedAt: now };
}

function guard(name: string, facts: Facts, lastError: BackendError | null = null): boolean {
  return sendingGuards[name]!({ context: contextWith(facts, lastError), policy: defaultPolicy, now }, undefined);
}

const sent = (ago: number): DeliveryEvent => ({ at: at(ago), email, kind: 'sent' });
const delivered = (ago: number): DeliveryEvent => ({ at: at(ago), email, kind: 'delivered', text: '250 2.0.0 Ok' });
const notSent = (ago: number): DeliveryEvent => ({ at: at(ago), email, kind: 'not_sent', reason: 'auth_refused', text: '535 5.7.8 Authentication credentials invalid' });

describe('latestDeliveryProblem and not_sent', () => {
  it('makes a not_sent after the last sent the current problem, with its reason and the text as raw', () => {
    expect(latestDeliveryProblem([sent(90 * minute), delivered(90 * minute), notSent(10 * minute)])).toMatchObject({
      action: 'fix-sending-setup',
      category: 'not-sent',
      reason: 'auth_refused',
      raw: '535 5.7.8 Authentication credentials invalid',
    });
  });

  it('makes a not_sent with no sent at all the current problem', () => {
    expect(latestDeliveryProblem([notSent(10 * minute)])).toMatchObject({ category: 'not-sent' });
  });

  it('makes a bounce message after a relay accepted the mail the current problem, and a delivery after it settles it again', () => {
    const later: DeliveryEvent = { at: at(5 * minute), email, kind: 'bounced', smtpCode: 550, enhancedCode: '5.1.1', text: '550 5.1.1 User unknown', source: 'dsn' };
    expect(latestDeliveryProblem([sent(10 * minute), delivered(10 * minute), later])).toMatchObject({ action: 'fix-address', code: '5.1.1' });
    expect(latestDeliveryProblem([sent(10 * minute), delivered(10 * minute), { ...later, kind: 'deferred' }])).toBeNull();
    expect(latestDeliveryProblem([sent(10 * minute), delivered(10 * minute), later, delivered(1 * minute)])).toBeNull();
  });

  it('treats a not_sent before a later successful send as history', () => {
    expect(latestDeliveryProblem([notSent(90 * minute), sent(10 * minute), delivered(10 * minute)])).toBeNull();
  });
});

describe('sending guards', () => {
  it('isMailNotConfigured reads the sending status', () => {
    expect(guard('isMailNotConfigured', { sending: { configured: false } })).toBe(true);
    expect(guard('isMailNotConfigured', { sending: { configured: true } })).toBe(false);
    expect(guard('isMailNotConfigured', {})).toBe(false);
  });

  it('hasNotSentEvent is the current not-sent finding only', () => {
    expect(guard('hasNotSentEvent', { delivery: latestDeliveryProblem([notSent(1)]) })).toBe(true);
    expect(guard('hasNotSentEvent', { delivery: latestDeliveryProblem([notSent(90 * minute), sent(1)]) })).toBe(false);
  });

  it('isNothingSent: a pending invitation whose log holds no sent at all', () => {
    expect(guard('isNothingSent', { user: invitedUser, deliveryEvents: [] })).toBe(true);
    expect(guard('isNothingSent', { user: { ...invitedUser, status: 'active' }, deliveryEvents: [] })).toBe(false);
    expect(guard('isNothingSent', { user: invitedUser })).toBe(false);
  });

  it('isNothingSent: a stalled send, past the window without an outcome, on a backend that logs outcomes', () => {
    expect(guard('isNothingSent', { user: invitedUser, deliveryEvents: [sent(3 * 24 * 60 * minute), delivered(3 * 24 * 60 * minute), sent(60 * minute)] })).toBe(true);
    // No earlier outcome: this backend may never log outcomes, so silence proves nothing.
    expect(guard('isNothingSent', { user: invitedUser, deliveryEvents: [sent(60 * minute)] })).toBe(false);
    // Inside the delivery window: still in flight.
    expect(guard('isNothingSent', { user: invitedUser, deliveryEvents: [sent(3 * 24 * 60 * minute), delivered(3 * 24 * 60 * minute), sent(2 * minute)] })).toBe(false);
  });

  it('isNothingSent: the latest send has no outcome and the backend reports a sending problem', () => {
    expect(guard('isNothingSent', { user: invitedUser, deliveryEvents: [sent(2 * minute)], sending: { configured: true, problem: 'provider_rate_limited' } })).toBe(true);
    expect(guard('isNothingSent', { user: invitedUser, deliveryEvents: [sent(2 * minute), delivered(2 * minute)], sending: { configured: true, problem: 'provider_rate_limited' } })).toBe(false);
  });

  it('hasSendingProblem: a not_sent error, a sender-setup bounce, or the sending status', () => {
    expect(guard('hasSendingProblem', {}, { kind: 'not_sent', reason: 'sandbox_recipient' })).toBe(true);
    expect(guard('hasSendingProblem', { delivery: { action: 'fix-sending-setup', category: 'sender-setup', code: '5.7.26', adviceKey: 'x', raw: '550 5.7.26 DMARC', at: at(1) } })).toBe(true);
    expect(guard('hasSendingProblem', { sending: { configured: true, problem: 'connection_refused' } })).toBe(true);
    expect(guard('hasSendingProblem', { sending: { configured: true, problem: null } })).toBe(false);
  });
});

describe('findSendingProblem', () => {
  it('prefers the newest evidence: a failed send, then the log, then the status', () => {
    const delivery = latestDeliveryProblem([notSent(1)]);
    expect(findSendingProblem(contextWith({ delivery, sending: { configured: false } }, { kind: 'not_sent', reason: 'sandbox_recipient', message: 'sandbox' }))).toEqual({ reason: 'sandbox_recipient', text: 'sandbox' });
    expect(findSendingProblem(contextWith({ delivery, sending: { configured: false } }))).toEqual({ reason: 'auth_refused', text: '535 5.7.8 Authentication credentials invalid' });
    expect(findSendingProblem(contextWith({ sending: { configured: false } }))).toEqual({ reason: 'mail_not_configured', text: null });
  });

  it('keeps the reason of a refused send after a later call cleared lastError', () => {
    const context = contextWith({});
    context.transcript = [{ type: 'error', at: now, stepId: 'resendInvite', action: 'resendInvite', error: { kind: 'not_sent', reason: 'provider_rate_limited', message: '429' } }];
    expect(findSendingProblem(context)).toEqual({ reason: 'provider_rate_limited', text: '429' });
  });

  it('names SPF/DKIM/DMARC bounces as sender authentication, other sender-setup bounces without a reason', () => {
    const bounce = (raw: string) => contextWith({ delivery: { action: 'fix-sending-setup', category: 'sender-setup', code: null, adviceKey: 'x', raw, at: at(1) } });
    expect(findSendingProblem(bounce('550 5.7.26 unauthenticated sender, DMARC policy reject'))?.reason).toBe('sender_not_authenticated');
    expect(findSendingProblem(bounce('550 5.7.25 reverse DNS missing'))?.reason).toBeNull();
  });

  it('is null when nothing points at our side', () => {
    expect(findSendingProblem(contextWith({ sending: { configured: true, problem: null } }))).toBeNull();
  });
});

describe('loadSendingStatus', () => {
  it('puts the backend sending status into facts.sending with a summary', async () => {
    const backend = createMemoryBackend(demoSeed, () => now);
    backend.setSending({ failure: 'auth_refused' });
    const result = await sendingActions.loadSendingStatus!.run({ context: contextWith({}), backend, policy: defaultPolicy, clock: () => now, signal: new AbortController().signal });
    expect(result).toMatchObject({ ok: true, value: { facts: { sending: { configured: true, problem: 'auth_refused' } }, summary: { problem: 'auth_refused' } } });
  });
});
