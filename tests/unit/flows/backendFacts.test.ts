import { beforeEach, describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { allCapabilities, compileFlow, currentStep, defaultPolicy, maxRetryAfterMs, resendPossibleAt, waitDeadline, type Capability, type InvitationBackend, type InvitedUser } from '../../../src/engine/index.ts';
import { createMemoryBackend, deliveryAttempt, demoSeed, type MemoryBackend, type MemorySeedFactory } from '../../../src/adapters/index.ts';
import { createDeliveryFinding } from '../../../src/ui/agent/createDeliveryFinding.ts';
import { stepTextParams } from '../../../src/ui/stepTextParams.ts';
import type { Move } from '../../support/driveSession.ts';
import { benchClock, benchNow, benchRegistry, loadShippedFlow, runShippedFlow } from '../../support/shippedFlowBench.ts';

/**
 * Issue 12, item 3: the flow answers from what the backend already knows instead of asking.
 * Each test drives the real compiled invite-not-received flow against the memory backend.
 */
const flow = loadShippedFlow('invite-not-received.json');
const registry = benchRegistry;
const minute = 60_000;
const hour = 60 * minute;

const clock = benchClock;
const now = benchNow;

/** The demo world plus Nora at corp.example, whose own invitation was delivered two hours ago. */
const seedWithNora: MemorySeedFactory = (at, policy) => {
  const seed = demoSeed(at, policy);
  const sentAt = new Date(at - 2 * hour).toISOString();
  const nora: InvitedUser = {
    id: 'usr_nora',
    email: 'nora@corp.example',
    name: 'Nora Berg',
    status: 'invited',
    invitedAt: sentAt,
    lastSentAt: sentAt,
    expiresAt: new Date(at - 2 * hour + policy.inviteExpiryMs).toISOString(),
    acceptedAt: null,
    setupCompleted: false,
    lastSignInAt: null,
    sso: false,
    team: 'a',
  };
  return { ...seed, users: [...seed.users, nora], events: [...seed.events, ...deliveryAttempt(nora.email, sentAt, 'delivered')] };
};

let backend: MemoryBackend;

beforeEach(() => {
  backend = createMemoryBackend(seedWithNora, clock);
});

function run(email: string | null, moves: Move[] = [], using: InvitationBackend = backend) {
  return runShippedFlow(flow, using, { email }, moves);
}

function withCapabilities(without: readonly Capability[]): MemoryBackend {
  return createMemoryBackend(seedWithNora, clock, { capabilities: allCapabilities.filter((name) => !without.includes(name)) });
}

/** The steps from `from` on, as far as the session got. */
function after(shown: readonly string[], from: string): string[] {
  const index = shown.indexOf(from);
  return index < 0 ? [] : shown.slice(index);
}

describe('others at the same domain: listing answers "is it only this person?"', () => {
  it('goes to the IT ticket without asking when other invitations at the domain are refused too', async () => {
    const session = await run('nora@corp.example', ['notThere', 'notThere']);
    expect(session.shown).not.toContain('askColleagues');
    expect(after(session.shown, 'checkRules')).toEqual(['checkRules', 'domainPeersFailing', 'itTicket']);
    expect(session.calls).toContain('loadDomainPeers');
    expect(session.snapshot.context.facts.domainPeers).toEqual({ domain: 'corp.example', pending: 5, failing: 5, complete: true });
  });

  it('goes straight to confirming the address when nobody else at the domain is failing', async () => {
    const session = await run('ana.invited@example.com', ['notThere', 'notThere']);
    expect(session.shown).not.toContain('askColleagues');
    expect(after(session.shown, 'checkRules')).toEqual(['checkRules', 'confirmAddress']);
    const peers = session.snapshot.context.facts.domainPeers;
    // Gus's unknown mailbox and Hana's suppression are their own problems, not the domain's.
    expect(peers).toMatchObject({ domain: 'example.com', failing: 0, complete: true });
    expect(peers?.pending).toBeGreaterThan(0);
  });

  it('asks about colleagues as before when the backend cannot list invitations', async () => {
    const session = await run('ana.invited@example.com', ['notThere', 'notThere'], withCapabilities(['listInvitations']));
    expect(after(session.shown, 'checkRules')).toEqual(['checkRules', 'askColleagues']);
    expect(session.calls).not.toContain('loadDomainPeers');
  });

  it('asks about colleagues when listing fails, without a failed screen in between', async () => {
    backend.injectFault('listInvitations', { kind: 'unavailable', cause: 'network' });
    const session = await run('nora@corp.example', ['notThere', 'notThere']);
    expect(after(session.shown, 'checkRules')).toEqual(['checkRules', 'askColleagues']);
    expect(session.snapshot.context.facts.domainPeers).toBeUndefined();
  });

  it('asks about colleagues when the delivery logs of the others cannot be read', async () => {
    // Without the delivery log: lookups still work, the own log is asked for, and peers' failures are unknown.
    const session = await run('nora@corp.example', ['none', 'notThere', 'notThere'], withCapabilities(['deliveryLog']));
    expect(after(session.shown, 'checkRules')).toEqual(['checkRules', 'askColleagues']);
    expect(session.snapshot.context.facts.domainPeers).toMatchObject({ pending: 5, failing: 0, complete: false });
  });

  it('counts pages only up to its limit and then says the count is a lower bound', async () => {
    const many: MemorySeedFactory = (at, policy) => {
      const seed = seedWithNora(at, policy);
      const template = seed.users.find((user) => user.email === 'nora@corp.example') as InvitedUser;
      const extra = Array.from({ length: 250 }, (_, index) => ({ ...template, id: `usr_peer${index}`, email: `peer${String(index).padStart(3, '0')}@corp.example` }));
      return { ...seed, users: [...seed.users, ...extra] };
    };
    const session = await run('nora@corp.example', ['notThere', 'notThere'], createMemoryBackend(many, clock));
    expect(session.snapshot.context.facts.domainPeers).toMatchObject({ pending: 199, complete: false });
    // Ivan and Liam (refused) sort first, so they are among the logs read: failing others are known.
    expect(after(session.shown, 'checkRules')).toEqual(['checkRules', 'domainPeersFailing', 'itTicket']);
  });
});

describe('only one invite ever sent: no older email to compare', () => {
  it('hands a copied link that says expired to the expired-link check when only one invitation ever went out', async () => {
    // Ben was invited 3 minutes ago: inside the cooldown, so the link is copied instead of resent.
    const session = await run('ben.recent@example.com', ['notYet', 'notThere', 'notThere', 'correct', 'copyLink', 'expired']);
    expect(session.calls).not.toContain('resendInvite');
    expect(session.shown).not.toContain('oldEmailOpened');
    expect(session.stoppedAt).toBe('linkExpiredJump');
  });

  it('still asks to compare with the older email after a resend in this session: there are two mails now', async () => {
    const session = await run('cara.expired@example.com', ['saysExpired']);
    expect(session.calls).toContain('resendInvite');
    expect(session.stoppedAt).toBe('afterOldEmail');
    expect(session.shown).toContain('oldEmailOpened');
  });

  it('still asks to compare after a resend by hand, which the backend record cannot show', async () => {
    const session = await run('ana.invited@example.com', ['notThere', 'notThere', 'correct', 'saysExpired'], withCapabilities(['resend']));
    expect(after(session.shown, 'resendManually')).toEqual(['resendManually', 'afterResend', 'oldEmailOpened', 'afterOldEmail']);
  });
});

/** The demo world where Dan's (active) password-reset mail bounced and Jo's (SSO) mail was refused by a filter. */
const seedWithBounces: MemorySeedFactory = (at, policy) => {
  const seed = seedWithNora(at, policy);
  const when = new Date(at - hour).toISOString();
  return {
    ...seed,
    events: [
      ...seed.events,
      { at: when, email: 'dan.active@example.com', kind: 'sent' },
      { at: when, email: 'dan.active@example.com', kind: 'bounced', smtpCode: 550, enhancedCode: '5.1.1', text: '550 5.1.1 <dan.active@example.com>: Recipient address rejected: User unknown' },
      { at: when, email: 'jo.sso@example.com', kind: 'sent' },
      { at: when, email: 'jo.sso@example.com', kind: 'bounced', smtpCode: 550, enhancedCode: '5.7.1', text: '550 5.7.1 Message rejected by the recipient\'s content filter' },
    ],
  };
};

describe('the delivery log for SSO and active users too', () => {
  it('reads the log for an SSO user and shows the latest failure on the sign-in step', async () => {
    const session = await run('jo.sso@example.com', [], createMemoryBackend(seedWithBounces, clock));
    expect(session.calls).toEqual(['findUser', 'deliveryEvents']);
    expect(session.stoppedAt).toBe('ssoSignIn');
    expect(session.snapshot.context.facts.delivery).toMatchObject({ code: '5.7.1' });
  });

  it('shows "no problem" for an SSO user whose mail was delivered, and still asks nothing else', async () => {
    const session = await run('jo.sso@example.com', ['signedIn']);
    expect(session.shown).toEqual(['ssoSignIn', 'resolvedSso']);
    expect(session.snapshot.context.facts.delivery).toBeNull();
  });

  it('goes to SSO sign-in without the log when the backend has none', async () => {
    const session = await run('jo.sso@example.com', [], withCapabilities(['deliveryLog']));
    expect(session.calls).toEqual(['findUser']);
    expect(session.stoppedAt).toBe('ssoSignIn');
  });

  it('tells an active user whose mail bounces as an unknown mailbox that the address on the account is likely wrong', async () => {
    const session = await run('dan.active@example.com', ['addressFixed'], createMemoryBackend(seedWithBounces, clock));
    expect(session.shown[0]).toBe('activeAddressWrong');
    // The password reset (its confirmation, where side effects are confirmed, or its result) comes next.
    expect(session.shown[1]).toMatch(/^(sendReset|resetSent)$/);
    expect(session.calls).not.toContain('cancelInvite');
    expect(session.calls).not.toContain('resendInvite');
  });

  it('shows an active user with a clean log the usual sign-in step with the log read', async () => {
    const session = await run('dan.active@example.com', ['canSignIn']);
    expect(session.calls).toEqual(['findUser', 'deliveryEvents']);
    expect(session.shown).toEqual(['alreadyActive', 'resolvedSignIn']);
  });

  it('goes to the sign-in step when the log cannot be read, without a failed screen', async () => {
    backend.injectFault('deliveryEvents', { kind: 'unavailable', cause: 'timeout' });
    const session = await run('dan.active@example.com', ['canSignIn']);
    expect(session.shown).toEqual(['alreadyActive', 'resolvedSignIn']);
  });
});

describe('a pasted bounce read in the light of the user status', () => {
  /** Starts the flow, lets its first calls settle (a failed one stays failed), and pastes `text` as the agent would. */
  async function paste(email: string | null, text: string, using: InvitationBackend = backend) {
    const compiled = compileFlow(flow, { registry, backend: using, clock });
    if (!compiled.ok) throw new Error(compiled.problems.map((problem) => problem.message).join('\n'));
    const actor = createActor(compiled.compiled.machine, { input: { email } }).start();
    const settled = () => waitFor(actor, (snapshot) => !currentStep(compiled.compiled.flow, snapshot)?.running, { timeout: 2000 });
    await settled();
    actor.send({ type: 'flow.enter', entry: 'deliveryError', finding: createDeliveryFinding(text, now) });
    await settled();
    const snapshot = actor.getSnapshot();
    return { snapshot, stoppedAt: currentStep(compiled.compiled.flow, snapshot)?.id, calls: snapshot.context.transcript.filter((entry) => entry.type === 'call').map((entry) => (entry.type === 'call' ? entry.action : '')) };
  }
  const unknownUser = '550 5.1.1 <x@example.com>: Recipient address rejected: User unknown in virtual mailbox table';

  it('never sends an active user down the cancel path: their account exists and its address may be wrong', async () => {
    const session = await paste('dan.active@example.com', unknownUser);
    expect(session.stoppedAt).toBe('activeAddressWrong');
    expect(session.calls).not.toContain('cancelInvite');
  });

  it('gives someone never invited the not-found route, whatever the bounce says', async () => {
    const session = await paste('stranger@example.com', unknownUser);
    expect(session.stoppedAt).toBe('notFound');
  });

  it('keeps the delivery route for a pending invitation', async () => {
    const session = await paste('ana.invited@example.com', unknownUser);
    expect(session.stoppedAt).toBe('badMailbox');
  });

  it('looks the person up first when the paste comes before the lookup answered', async () => {
    backend.injectFault('findUser', { kind: 'unavailable', cause: 'timeout' });
    const session = await paste('dan.active@example.com', unknownUser);
    expect(session.calls).toEqual(['findUser', 'findUser']);
    expect(session.stoppedAt).toBe('activeAddressWrong');
  });

  it('routes by the pasted text alone when the backend cannot look anyone up', async () => {
    const session = await paste('dan.active@example.com', unknownUser, withCapabilities(['lookup']));
    expect(session.calls).not.toContain('findUser');
    expect(session.stoppedAt).toBe('badMailbox');
  });
});

describe('the cooldown shows the backend time', () => {
  it('says when a resend is possible from the Retry-After of the refusal, not from the policy', async () => {
    backend.injectFault('resendInvite', { kind: 'rate_limited', retryAfterMs: 7 * minute });
    const session = await run('ana.invited@example.com', ['notThere', 'notThere', 'correct']);
    expect(session.stoppedAt).toBe('cooldownActive');
    // Ana's invite went out 2 hours ago: the policy would have said "now"; the backend says 7 minutes.
    expect(resendPossibleAt(session.snapshot.context, defaultPolicy)).toBe(now + 7 * minute);
    expect(stepTextParams(session.snapshot.context, defaultPolicy, 'en', now).cooldownEndsAt).toBe(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(now + 7 * minute),
    );
  });

  it('counts the wait down to the backend time', async () => {
    backend.injectFault('resendInvite', { kind: 'rate_limited', retryAfterMs: 7 * minute });
    const session = await run('ana.invited@example.com', ['notThere', 'notThere', 'correct']);
    const wait = flow.steps.waitForCooldown;
    if (wait?.kind !== 'wait') throw new Error('waitForCooldown is no wait step');
    expect(waitDeadline(wait, session.snapshot.context, defaultPolicy, now)).toBe(now + 7 * minute);
  });

  it('bounds an absurd Retry-After to seven days', async () => {
    backend.injectFault('resendInvite', { kind: 'rate_limited', retryAfterMs: 10 * 365 * 24 * 60 * minute });
    const session = await run('ana.invited@example.com', ['notThere', 'notThere', 'correct']);
    expect(resendPossibleAt(session.snapshot.context, defaultPolicy)).toBe(now + maxRetryAfterMs);
  });

  it('says no time at all when the backend gave none it could use', async () => {
    backend.injectFault('resendInvite', { kind: 'rate_limited', retryAfterMs: Number.NaN });
    const session = await run('ana.invited@example.com', ['notThere', 'notThere', 'correct', 'later']);
    expect(session.shown.slice(-2)).toEqual(['cooldownNoTime', 'resendLater']);
    expect(session.shown).not.toContain('cooldownActive');
  });

  it('inside the policy cooldown, before any call, shows the policy time from the last send', async () => {
    const session = await run('ben.recent@example.com', ['notYet', 'notThere', 'notThere', 'correct']);
    expect(session.stoppedAt).toBe('cooldownActive');
    expect(session.calls).not.toContain('resendInvite');
    // Ben was invited 3 minutes ago; the cooldown is 15 minutes.
    expect(resendPossibleAt(session.snapshot.context, defaultPolicy)).toBe(now + 12 * minute);
  });
});
