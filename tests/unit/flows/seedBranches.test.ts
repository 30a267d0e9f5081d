import { beforeEach, describe, expect, it } from 'vitest';
import { ok, type Capability, type DeliveryEvent, type InvitationBackend } from '../../../src/engine/index.ts';
import { createMemoryBackend, demoSeed, type MemoryBackend } from '../../../src/adapters/index.ts';
import type { Move } from '../../support/driveSession.ts';
import { benchClock, benchNow, loadShippedFlow, runShippedFlow } from '../../support/shippedFlowBench.ts';

/**
 * One test per branch the seed articles describe, driven through the compiled
 * invite-not-received flow against the demo backend, as an admin would click through it.
 */
const flow = loadShippedFlow('invite-not-received.json');
const minute = 60_000;

const clock = benchClock;
const now = benchNow;
let backend: MemoryBackend;

beforeEach(() => {
  backend = createMemoryBackend(demoSeed, clock);
});

function run(email: string | null, moves: Move[] = [], using: InvitationBackend = backend) {
  return runShippedFlow(flow, using, { email }, moves);
}

describe('invite-not-received, branch by branch', () => {
  it('suggests the likely address when nobody has the typed one, then invites them', async () => {
    const session = await run('new.hire@gmial.com', ['useSuggestion', 'invite', 'arrived']);
    expect(session.shown).toEqual(['notFoundTypo', 'notFound', 'invitedNew', 'invitedArrived', 'resolvedInvited']);
    expect(session.snapshot.context.email).toBe('new.hire@gmail.com');
    expect(session.calls).toEqual(['findUser', 'applyAddressSuggestion', 'findUser', 'inviteUser']);
    expect((await backend.findUser('new.hire@gmail.com')).ok && (await backend.findUser('new.hire@gmail.com'))).toMatchObject({ value: { status: 'invited' } });
  });

  it('asks for the address first when the session starts without one', async () => {
    const session = await run(null, [{ input: 'ana.invited@example.com' }]);
    expect(session.shown[0]).toBe('askEmail');
    expect(session.calls.slice(0, 2)).toEqual(['findUser', 'deliveryEvents']);
  });

  it('does not resend to an active user: they sign in, or get a password reset with its expiry', async () => {
    const session = await run('dan.active@example.com', ['forgotPassword', 'worked']);
    expect(session.shown).toEqual(['alreadyActive', 'resetSent', 'afterReset', 'resolvedReset']);
    expect(session.calls).not.toContain('resendInvite');
    expect(session.snapshot.context.facts.passwordReset?.expiresAt).toBe(new Date(now + 6 * 60 * minute).toISOString());
  });

  it('sends a password reset, not a re-invite, when setup was abandoned after accepting', async () => {
    const session = await run('kim.halfway@example.com', ['worked']);
    expect(session.shown).toEqual(['setupAbandoned', 'resetSent', 'afterReset', 'resolvedReset']);
    expect(session.calls).toEqual(['findUser', 'sendPasswordReset']);
  });

  it('explains a deactivated account and never resends', async () => {
    const session = await run('eve.deactivated@example.com');
    expect(session.stoppedAt).toBe('deactivated');
    expect(session.snapshot.hasTag('outcome:not-resolved')).toBe(true);
    expect(session.calls).toEqual(['findUser']);
  });

  it('waits out the delivery window for a fresh invite, then checks spam for the sender and mail rules', async () => {
    const session = await run('ben.recent@example.com', ['notYet', 'notThere']);
    expect(session.shown).toEqual(['waitForDelivery', 'arrivedAfterWait', 'checkSpam', 'checkRules']);
    // Invited 3 minutes ago: 2 minutes of the 5-minute window are left.
    const waitEntry = session.snapshot.context.transcript.find((entry) => entry.type === 'wait');
    expect(waitEntry).toMatchObject({ how: 'skipped' });
  });

  it('resends when allowed: the old link stops working and the new expiry is shown', async () => {
    const oldLink = await backend.getInviteLink((await findId('ana.invited@example.com')) as string);
    const session = await run('ana.invited@example.com', ['notThere', 'notThere', 'correct', 'arrived']);
    expect(session.shown).toEqual(['checkSpam', 'checkRules', 'confirmAddress', 'resent', 'afterResend', 'resolvedResent']);
    expect(session.snapshot.context.facts.resend?.expiresAt).toBe(new Date(now + 7 * 24 * 60 * minute).toISOString());
    expect(session.snapshot.context.facts.user).toMatchObject({ lastSentAt: new Date(now).toISOString(), expiresAt: new Date(now + 7 * 24 * 60 * minute).toISOString() });
    if (!oldLink.ok) throw new Error('no link');
    expect(backend.acceptInvite(oldLink.value.url.split('/').pop() as string)).toMatchObject({ ok: false, error: { kind: 'expired' } });
  });

  it('inside the cooldown says when a resend is possible and offers the link instead', async () => {
    const session = await run('ben.recent@example.com', ['notYet', 'notThere', 'notThere', 'correct', 'copyLink']);
    expect(session.shown.slice(-5)).toEqual(['confirmAddress', 'cooldownActive', 'copyLinkWarning', 'linkReady', 'afterLink']);
    expect(session.calls).not.toContain('resendInvite');
    expect(session.snapshot.context.facts.inviteLink?.singleUse).toBe(true);
  });

  it('routes a resend refused by the backend cooldown to the cooldown step', async () => {
    backend.injectFault('resendInvite', { kind: 'rate_limited', retryAfterMs: 7 * minute });
    const session = await run('ana.invited@example.com', ['notThere', 'notThere', 'correct']);
    expect(session.stoppedAt).toBe('cooldownActive');
    expect(session.snapshot.context.lastError).toEqual({ kind: 'rate_limited', retryAfterMs: 7 * minute });
  });

  it('resends an expired invitation', async () => {
    const session = await run('cara.expired@example.com', ['arrived']);
    expect(session.shown).toEqual(['inviteExpired', 'resent', 'afterResend', 'resolvedResent']);
  });

  it('warns before copying a link: the admin must not open it', async () => {
    const session = await run('ana.invited@example.com', ['notThere', 'notThere', 'correct', 'stillNothing', 'copy', 'worked']);
    expect(session.shown.slice(-5)).toEqual(['copyLinkOffer', 'copyLinkWarning', 'linkReady', 'afterLink', 'resolvedByLink']);
    expect(session.calls.indexOf('getInviteLink')).toBeGreaterThan(-1);
  });

  it('offers no link for someone never invited', async () => {
    const session = await run('stranger@example.com', []);
    expect(session.stoppedAt).toBe('notFound');
    const options = (session.snapshot.context.stepId === 'notFound' && flow.steps.notFound?.kind === 'question' ? flow.steps.notFound.options : []).map((option) => option.id);
    expect(options).not.toContain('copy');
    expect((await backend.getInviteLink('no-such-user')).ok).toBe(false);
  });

  it('explains "the new link says expired": they opened an older email; compare the token', async () => {
    const session = await run('cara.expired@example.com', ['saysExpired', 'works']);
    expect(session.shown).toEqual(['inviteExpired', 'resent', 'afterResend', 'oldEmailOpened', 'afterOldEmail', 'resolvedResent']);
  });

  it('hands a link that still says expired over to the expired-link flow', async () => {
    const session = await run('cara.expired@example.com', ['saysExpired', 'stillExpired']);
    expect(session.stoppedAt).toBe('linkExpiredJump');
    expect(session.snapshot.hasTag('jump')).toBe(true);
  });

  it('no MX for the domain: suggests the likely domain, cancels and re-invites the corrected address', async () => {
    const session = await run('finn@exampel.com', [{ input: 'finn@example.com' }, 'arrived']);
    expect(session.shown).toEqual(['badDomain', 'fixAddress', 'reinvited', 'reinvitedArrived', 'resolvedReinvited']);
    expect(session.snapshot.context.facts.delivery).toBeUndefined();
    expect(session.calls).toEqual(['findUser', 'deliveryEvents', 'loadSendingStatus', 'cancelInvite', 'inviteUser']);
    expect(await backend.findUser('finn@exampel.com')).toEqual(ok(null));
  });

  it('mailbox does not exist: confirm the spelling, cancel and re-invite', async () => {
    const session = await run('gus.nomailbox@example.com', [{ input: 'gus@example.com' }, 'arrived']);
    expect(session.shown).toEqual(['badMailbox', 'fixAddress', 'reinvited', 'reinvitedArrived', 'resolvedReinvited']);
  });

  it('previously bounced (suppressed): once the address is confirmed exactly, a resend forces a new attempt', async () => {
    const session = await run('hana.suppressed@example.com', ['exact', 'arrived']);
    expect(session.shown).toEqual(['suppressed', 'confirmSuppressedAddress', 'resent', 'afterResend', 'resolvedResent']);
    const events = await backend.deliveryEvents('hana.suppressed@example.com');
    expect(events.ok && events.value.at(-1)?.kind).toBe('delivered');
  });

  it('blocked by a spam or policy filter: their IT allow-lists the sender', async () => {
    const session = await run('ivan@corp.example', ['waitingForIt']);
    expect(session.shown).toEqual(['blockedByFilter', 'itTicket', 'waitingOnIt']);
    expect(session.snapshot.context.facts.delivery).toMatchObject({ action: 'allow-list-sender', code: '5.7.1' });
  });

  it('mailbox full: wait for space, then retry', async () => {
    const session = await run('ana.invited@example.com', ['later'], withDeliveryLog(backend, '452 4.2.2 The email account that you tried to reach is over quota.', '4.2.2'));
    expect(session.shown).toEqual(['mailboxFull', 'followUpLater']);
  });

  it('delivery deferred: wait for the retry', async () => {
    const session = await run('ana.invited@example.com', ['arrived'], withDeliveryLog(backend, '451 4.7.1 Greylisted, please try again later', '4.7.1'));
    expect(session.shown).toEqual(['deferred', 'waitForRetry', 'arrivedAfterWait', 'resolvedArrived']);
  });

  it('many people at one company missing invites: their mail filter, with an IT ticket to hand over', async () => {
    // Without listing the flow cannot tell and asks; with it, see tests/unit/flows/backendFacts.test.ts.
    const unlisted = createMemoryBackend(demoSeed, clock, { capabilities: withoutCapabilities('listInvitations') });
    const session = await run('ana.invited@example.com', ['notThere', 'notThere', 'othersToo', 'waitingForIt'], unlisted);
    expect(session.shown.slice(-3)).toEqual(['askColleagues', 'itTicket', 'waitingOnIt']);
  });

  it('SSO users sign in through SSO, not an invite link', async () => {
    const session = await run('jo.sso@example.com', ['signedIn']);
    expect(session.shown).toEqual(['ssoSignIn', 'resolvedSso']);
    // The delivery log is read for SSO users too, to show what happened to their mail.
    expect(session.calls).toEqual(['findUser', 'deliveryEvents']);
  });

  it('a team manager outside the user\'s team is told who can do it', async () => {
    backend.setRole({ kind: 'team-manager', team: 'a' });
    const session = await run('mo.teamb@example.com');
    expect(session.stoppedAt).toBe('noPermission');
    expect(session.snapshot.context.lastError?.kind).toBe('not_permitted');
  });

  it('flags a likely typo on a pending invitation before resending', async () => {
    const session = await run('lee@gmial.com', ['fixTypo', { input: 'lee@gmail.com' }, 'arrived']);
    expect(session.shown).toEqual(['typoSuspected', 'fixAddress', 'reinvited', 'reinvitedArrived', 'resolvedReinvited']);
  });

  it('when nothing works, escalates with a summary of what was tried, with results and times', async () => {
    const session = await run('ana.invited@example.com', ['notThere', 'notThere', 'correct', 'stillNothing', 'copy', 'failed']);
    expect(session.stoppedAt).toBe('escalate');
    expect(session.snapshot.hasTag('outcome:escalated')).toBe(true);
    const results = session.snapshot.context.transcript.filter((entry) => entry.type === 'result');
    expect(results.map((entry) => entry.type === 'result' && entry.action)).toEqual(['findUser', 'deliveryEvents', 'loadSendingStatus', 'loadDomainPeers', 'resendInvite', 'getInviteLink']);
    expect(results.every((entry) => entry.at === now)).toBe(true);
    expect(JSON.stringify(session.snapshot.context.transcript)).not.toContain('/invite/');
  });
});

describe('asking only what the backend cannot tell', () => {
  it('branches on status, send time and delivery log without a question when the backend reports them', async () => {
    const session = await run('ben.recent@example.com');
    expect(session.shown[0]).toBe('waitForDelivery');
    expect(session.shown).not.toContain('askStatus');
    expect(session.shown).not.toContain('askDeliveryError');
  });

  it('asks for the status when the backend cannot look users up', async () => {
    const limited = createMemoryBackend(demoSeed, clock, { capabilities: withoutCapabilities('lookup') });
    const session = await run('ben.recent@example.com', ['invited', 'minutesAgo'], limited);
    expect(session.shown.slice(0, 3)).toEqual(['askStatus', 'askWhenSent', 'waitForDeliveryNow']);
  });

  it('asks what the user list shows when the backend has no delivery log', async () => {
    const limited = createMemoryBackend(demoSeed, clock, { capabilities: withoutCapabilities('deliveryLog') });
    const session = await run('finn@exampel.com', ['noMx'], limited);
    expect(session.shown.slice(0, 2)).toEqual(['askDeliveryError', 'badDomain']);
  });
});

async function findId(email: string): Promise<string | undefined> {
  const result = await backend.findUser(email);
  return result.ok ? result.value?.id : undefined;
}

function withoutCapabilities(...missing: Capability[]): Capability[] {
  return [...backend.capabilities()].filter((capability) => !missing.includes(capability));
}

/** The demo backend, but the latest attempt for every address failed with this provider text. */
function withDeliveryLog(base: MemoryBackend, text: string, code: string): InvitationBackend {
  return {
    ...base,
    capabilities: () => base.capabilities(),
    deliveryEvents: async (email) => {
      const at = new Date(now - 60 * minute).toISOString();
      const events: DeliveryEvent[] = [
        { at, email, kind: 'sent' },
        { at, email, kind: 'deferred', enhancedCode: code, smtpCode: Number(text.slice(0, 3)), text },
      ];
      return ok(events);
    },
  };
}

describe('resolved only when the person confirms', () => {
  it('ends a new invitation that has not arrived yet as waiting for the person, not resolved', async () => {
    const session = await run('new.hire@gmial.com', ['useSuggestion', 'invite', 'later']);
    expect(session.shown).toEqual(['notFoundTypo', 'notFound', 'invitedNew', 'invitedArrived', 'awaitingPerson']);
    expect(session.snapshot.hasTag('outcome:waiting')).toBe(true);
  });

  it('ends a re-invitation the person will check later as waiting', async () => {
    const session = await run('finn@exampel.com', [{ input: 'finn@example.com' }, 'later']);
    expect(session.stoppedAt).toBe('awaitingPerson');
    expect(session.snapshot.hasTag('outcome:waiting')).toBe(true);
  });

  it('escalates a re-invitation that did not arrive', async () => {
    const session = await run('finn@exampel.com', [{ input: 'finn@example.com' }, 'notArrived']);
    expect(session.snapshot.hasTag('outcome:escalated')).toBe(true);
  });
});
