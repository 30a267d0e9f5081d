import { describe, expect, it } from 'vitest';
import { createPolicy, type DeliveryEvent, type InvitedUser, type LinkEvent } from '../../../src/engine/index.ts';
import { deliveryAttempt } from '../../../src/adapters/index.ts';
import { checkAddress } from '../../../src/diagnostics/index.ts';
import { addressSuggestion, diagnoseInvitation, resendAfterDays, staleAfterDays } from '../../../src/registry/index.ts';

const now = Date.parse('2026-11-22T10:00:00.000Z');
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const policy = createPolicy();
const iso = (ms: number) => new Date(ms).toISOString();

function invited(ago: number, overrides: Partial<InvitedUser> = {}): InvitedUser {
  const sentAt = now - ago;
  return {
    id: 'usr_1',
    email: 'ana@example.com',
    status: 'invited',
    invitedAt: iso(sentAt),
    lastSentAt: iso(sentAt),
    expiresAt: iso(sentAt + policy.inviteExpiryMs),
    acceptedAt: null,
    setupCompleted: false,
    sso: false,
    team: 'a',
    ...overrides,
  };
}

function attempt(user: InvitedUser, outcome: Parameters<typeof deliveryAttempt>[2]): DeliveryEvent[] {
  return deliveryAttempt(user.email, user.lastSentAt as string, outcome);
}

function diagnose(user: InvitedUser | null, deliveryEvents: DeliveryEvent[] = user ? attempt(user, 'delivered') : [], linkEvents: LinkEvent[] = []) {
  return diagnoseInvitation(user, { deliveryEvents, linkEvents }, policy, now);
}

describe('diagnoseInvitation', () => {
  it('names nobody when the lookup found no one, with nothing to do from here', () => {
    expect(diagnose(null)).toMatchObject({ cause: 'not_found', remedy: null, since: null, days: null });
  });

  it('leaves a deactivated account alone: an invitation cannot help', () => {
    const user = invited(120 * day, { status: 'deactivated', acceptedAt: iso(now - 119 * day), setupCompleted: true, expiresAt: null });
    expect(diagnose(user)).toMatchObject({ cause: 'deactivated', remedy: null });
  });

  it('needs nobody to act for a single sign-on user, who signs in without the invitation', () => {
    expect(diagnose(invited(2 * day, { sso: true }))).toMatchObject({ cause: 'sso', needsAction: false, remedy: null, days: 2 });
  });

  it('offers a password reset, not a resend, when setup was left unfinished after accepting', () => {
    const user = invited(3 * day, { status: 'active', acceptedAt: iso(now - 3 * day + 2 * hour), expiresAt: null });
    expect(diagnose(user)).toMatchObject({ cause: 'setup_unfinished', needsAction: true, remedy: 'passwordReset', since: user.acceptedAt, days: 2 });
  });

  it('calls an accepted, set-up user accepted and keeps a later bounce as evidence', () => {
    const user = invited(9 * day, { status: 'active', acceptedAt: iso(now - 8 * day), setupCompleted: true, expiresAt: null });
    expect(diagnose(user)).toMatchObject({ cause: 'accepted', needsAction: false, remedy: null, delivery: null });
    expect(diagnose(user, attempt(user, 'unknown_mailbox')).delivery).toMatchObject({ category: 'bad-mailbox' });
  });

  it('says expired from the moment the link ran out, with a resend; a long-expired one is cancelled instead', () => {
    const user = invited(9 * day, { expiresAt: iso(now - 2 * day) });
    expect(diagnose(user)).toMatchObject({ cause: 'expired', since: user.expiresAt, days: 2, remedy: 'resend', needsAction: true });
    const stale = invited(60 * day, { expiresAt: iso(now - staleAfterDays * day) });
    expect(diagnose(stale)).toMatchObject({ cause: 'expired', remedy: 'cancel', days: staleAfterDays });
  });

  it('puts expiry before the delivery log, as the wizard does', () => {
    const user = invited(9 * day, { expiresAt: iso(now - day) });
    expect(diagnose(user, attempt(user, 'blocked')).cause).toBe('expired');
  });

  it('says not sent, with the reason, when our side refused the mail, and points at the sending setup', () => {
    const user = invited(2 * hour);
    const refused: DeliveryEvent = { at: user.lastSentAt as string, email: user.email, kind: 'not_sent', reason: 'provider_rate_limited', text: '429 quota' };
    expect(diagnose(user, [refused])).toMatchObject({ cause: 'not_sent', remedy: 'fixSending', delivery: { category: 'not-sent', reason: 'provider_rate_limited' }, days: 0 });
  });

  it('says not sent when the log has no send at all, unless the backend keeps no log', () => {
    const user = invited(2 * hour);
    expect(diagnose(user, [])).toMatchObject({ cause: 'not_sent', remedy: 'fixSending', delivery: null });
    expect(diagnoseInvitation(user, { deliveryEvents: [], linkEvents: [], deliveryLogRead: false }, policy, now).cause).toBe('delivered_not_accepted');
    expect(diagnoseInvitation(user, { deliveryEvents: [], linkEvents: [], sending: { configured: true, sendsLogged: false } }, policy, now).cause).toBe('delivered_not_accepted');
  });

  it('says not sent for every pending invitation when no mail server is configured', () => {
    const user = invited(2 * hour);
    expect(diagnoseInvitation(user, { deliveryEvents: attempt(user, 'pending'), linkEvents: [], sending: { configured: false } }, policy, now).cause).toBe('not_sent');
  });

  it('calls a bounce to a mailbox that does not exist bounced, with a cancel since there is no better address to guess', () => {
    const user = invited(day, { email: 'gus@example.com' });
    expect(diagnose(user, attempt(user, 'unknown_mailbox'))).toMatchObject({ cause: 'bounced', remedy: 'cancel', delivery: { category: 'bad-mailbox', code: '5.1.1' }, suggestion: null });
  });

  it('offers the typo fix for a bounce from a misspelt domain', () => {
    const user = invited(day, { email: 'finn@exampel.com' });
    expect(diagnose(user, attempt(user, 'no_mx'))).toMatchObject({ cause: 'bounced', remedy: 'fixTypo', suggestion: 'finn@example.com', delivery: { category: 'bad-domain' } });
  });

  it('calls a suppressed address suppressed and offers to lift the suppression', () => {
    const user = invited(day);
    expect(diagnose(user, attempt(user, 'suppressed'))).toMatchObject({ cause: 'suppressed', remedy: 'unsuppress', delivery: { action: 'resend-suppressed' } });
  });

  it('calls a policy refusal blocked by filter and asks their IT to allow the sender', () => {
    const user = invited(day, { email: 'ivan@corp.example' });
    expect(diagnose(user, attempt(user, 'blocked'))).toMatchObject({ cause: 'blocked_by_filter', remedy: 'itTicket', delivery: { action: 'allow-list-sender' } });
  });

  it('calls a greylisted attempt deferred, to wait out', () => {
    const user = invited(hour);
    expect(diagnose(user, attempt(user, 'deferred'))).toMatchObject({ cause: 'deferred', remedy: null, needsAction: true, delivery: { action: 'wait-and-retry' } });
  });

  it('calls a full mailbox bounced, with a resend once there is room', () => {
    const user = invited(hour);
    expect(diagnose(user, attempt(user, 'mailbox_full'))).toMatchObject({ cause: 'bounced', remedy: 'resend', delivery: { action: 'wait-full-mailbox' } });
  });

  it('points a bounce caused by our own sender setup at the sending setup', () => {
    const user = invited(6 * hour);
    const bounce: DeliveryEvent = { at: user.lastSentAt as string, email: user.email, kind: 'bounced', enhancedCode: '5.7.26', text: '550 5.7.26 Unauthenticated mail: DMARC policy of the sender is reject (SPF: fail, DKIM: none)' };
    expect(diagnose(user, [...attempt(user, 'pending'), bounce])).toMatchObject({ cause: 'bounced', remedy: 'fixSending', delivery: { action: 'fix-sending-setup' } });
  });

  it('names a scanner that spent the link, with a resend, from the time of the refusal', () => {
    const user = invited(2 * hour);
    const refusal: LinkEvent = { at: iso(now - 2 * hour + 6_000), email: user.email, kind: 'refused', refusal: 'used', secondsAfterDelivery: 6, automated: true };
    expect(diagnose(user, attempt(user, 'delivered'), [refusal])).toMatchObject({ cause: 'scanner_used_link', remedy: 'resend', since: refusal.at });
  });

  it('does not blame a scanner for a person who used the link long after delivery', () => {
    const user = invited(2 * day);
    const refusal: LinkEvent = { at: iso(now - day), email: user.email, kind: 'refused', refusal: 'used', secondsAfterDelivery: 86_400, automated: false };
    expect(diagnose(user, attempt(user, 'delivered'), [refusal]).cause).toBe('delivered_not_accepted');
  });

  it('names a link opened while signed in as someone else', () => {
    const user = invited(5 * hour);
    const refusal: LinkEvent = { at: iso(now - 4 * hour), email: user.email, kind: 'refused', refusal: 'wrong_account', secondsAfterDelivery: 3_600, automated: false };
    expect(diagnose(user, attempt(user, 'delivered'), [refusal])).toMatchObject({ cause: 'wrong_account', remedy: null });
  });

  it('calls a send inside the delivery window in flight, with nobody to act', () => {
    const user = invited(3 * minute);
    expect(diagnose(user, attempt(user, 'pending'))).toMatchObject({ cause: 'in_flight', needsAction: false, remedy: null, days: 0 });
  });

  it(`waits on the person for a delivered invitation, and offers a resend from ${resendAfterDays} days and a cancel once stale`, () => {
    expect(diagnose(invited(2 * hour))).toMatchObject({ cause: 'delivered_not_accepted', remedy: null, days: 0 });
    expect(diagnose(invited((resendAfterDays - 1) * day))).toMatchObject({ remedy: null, days: resendAfterDays - 1 });
    expect(diagnose(invited(resendAfterDays * day))).toMatchObject({ cause: 'delivered_not_accepted', remedy: 'resend', days: resendAfterDays });
    const longLived = createPolicy({ inviteExpiryMs: 90 * day });
    const user = { ...invited(staleAfterDays * day), expiresAt: iso(now + 60 * day) };
    expect(diagnoseInvitation(user, { deliveryEvents: attempt(user, 'delivered'), linkEvents: [] }, longLived, now)).toMatchObject({ cause: 'delivered_not_accepted', remedy: 'cancel' });
  });

  it('suggests the corrected address for a delivered invitation at a misspelt domain', () => {
    expect(diagnose(invited(hour, { email: 'lee@gmial.com' }))).toMatchObject({ cause: 'delivered_not_accepted', suggestion: 'lee@gmail.com', remedy: 'fixTypo' });
  });

  it('reads only the latest attempt: a bounce before a delivered resend is history', () => {
    const user = invited(hour);
    const earlier = deliveryAttempt(user.email, iso(now - 3 * day), 'blocked');
    expect(diagnose(user, [...earlier, ...attempt(user, 'delivered')]).cause).toBe('delivered_not_accepted');
  });

  it('gives no age when the time it would count from is unknown', () => {
    expect(diagnose(invited(hour, { lastSentAt: null, invitedAt: null }), [])).toMatchObject({ cause: 'not_sent', since: null, days: null });
  });
});

describe('addressSuggestion', () => {
  it('answers exactly as checkAddress suggests, remembered per domain', () => {
    const addresses = ['lee@gmial.com', 'LEE@GMIAL.COM', ' x@hotmial.com ', 'a@b@gmial.com', 'nobody', '', 'a@gmail.com', 'b.c@yahooo.com', '@gmial.com', 'q@acme.con', 'lee@gmial.com'];
    for (const address of addresses) expect(addressSuggestion(address)).toBe(checkAddress(address).suggestion);
  });
});
