import { beforeEach, describe, expect, it } from 'vitest';
import {
  allCapabilities,
  findSendingProblem,
  notSentReasons,
  ok,
  type Capability,
  type DeliveryEvent,
  type InvitationBackend,
  type NotSentReason,
} from '../../../src/engine/index.ts';
import { createMemoryBackend, demoSeed, type MemoryBackend } from '../../../src/adapters/index.ts';
import type { Move } from '../../support/driveSession.ts';
import { benchClock, benchNow, loadShippedFlow, runShippedFlow } from '../../support/shippedFlowBench.ts';

/**
 * Our own sending side (issue 12): mail that never left, or was refused because of how we send,
 * ends in "fix the sending setup" with the fix and who makes it, a copied link meanwhile, and
 * never an IT ticket for the recipient's company. Each test drives the real invite-not-received
 * flow against a memory backend set up for that situation.
 */
const flow = loadShippedFlow('invite-not-received.json');
const minute = 60_000;

const clock = benchClock;
const now = benchNow;
let backend: MemoryBackend;

beforeEach(() => {
  backend = createMemoryBackend(demoSeed, clock);
});

async function run(email: string, moves: Move[] = [], using: InvitationBackend = backend) {
  const session = await runShippedFlow(flow, using, { email }, moves);
  return { ...session, problem: findSendingProblem(session.snapshot.context) };
}

/** No IT ticket, no spam or filter question, no escalation: the fix is ours. */
function expectOurOwnFix(shown: readonly string[]) {
  for (const step of ['itTicket', 'waitingOnIt', 'checkSpam', 'checkRules', 'askColleagues', 'escalate']) expect(shown).not.toContain(step);
}

async function idOf(email: string) {
  const found = await backend.findUser(email);
  if (!found.ok || !found.value) throw new Error(`no ${email}`);
  return found.value.id;
}

function withCapabilities(capabilities: readonly Capability[]) {
  return createMemoryBackend(demoSeed, clock, { capabilities });
}

describe('invite-not-received: nothing has left our side', () => {
  it('notices the quota refusal in the log before any spam question, then hands over a link and names the fix', async () => {
    const session = await run('quinn.quota@example.com', ['copy']);
    expect(session.shown).toEqual(['nothingLeft', 'sendingLinkOffer', 'fixSendingSetup']);
    expect(session.calls).toEqual(['findUser', 'deliveryEvents', 'loadSendingStatus', 'getInviteLink']);
    expect(session.snapshot.hasTag('outcome:not-resolved')).toBe(true);
    expect(session.snapshot.context.facts.delivery).toMatchObject({ category: 'not-sent', reason: 'provider_rate_limited', raw: expect.stringMatching(/^429/) });
    expect(session.snapshot.context.facts.inviteLink?.url).toMatch(/\/invite\//);
    expect(session.problem?.reason).toBe('provider_rate_limited');
    expectOurOwnFix(session.shown);
  });

  it.each(notSentReasons)('ends a send refused with %s in the sending-setup fix, with that reason and the backend text', async (reason: NotSentReason) => {
    backend.setSending({ failure: reason });
    await backend.resendInvite(await idOf('ana.invited@example.com'));
    const session = await run('ana.invited@example.com', ['skip']);
    expect(session.shown).toEqual(['nothingLeft', 'sendingLinkOffer', 'fixSendingSetup']);
    expect(session.problem?.reason).toBe(reason);
    expect(session.problem?.text).toBeTruthy();
    expect(session.snapshot.context.facts.sending).toMatchObject({ problem: reason });
    expectOurOwnFix(session.shown);
  });

  it('goes to the fix when no mail server is configured, even before any refusal is logged', async () => {
    backend.setSending({ configured: false });
    const session = await run('ben.recent@example.com', ['skip']);
    expect(session.shown).toEqual(['nothingLeft', 'sendingLinkOffer', 'fixSendingSetup']);
    expect(session.problem?.reason).toBe('mail_not_configured');
    expectOurOwnFix(session.shown);
  });

  it('does not wait out the delivery window when the backend reports a sending problem and the last send has no outcome', async () => {
    backend.setSending({ failure: 'auth_refused' });
    const session = await run('ben.recent@example.com', ['skip']);
    expect(session.shown[0]).toBe('nothingLeft');
    expect(session.shown).not.toContain('waitForDelivery');
    expect(session.problem?.reason).toBe('auth_refused');
  });

  it('reads an empty log for a pending invitation as nothing sent, reason unknown', async () => {
    const emptyLog: InvitationBackend = { ...backend, deliveryEvents: async () => ok([]) };
    const session = await run('ana.invited@example.com', ['skip'], emptyLog);
    expect(session.shown).toEqual(['nothingLeft', 'sendingLinkOffer', 'fixSendingSetup']);
    expect(session.problem).toBeNull();
  });

  it('reads a stalled log (the latest send long past the delivery window with no outcome, though earlier ones had one) as nothing sent', async () => {
    const at = (ago: number) => new Date(now - ago).toISOString();
    const email = 'ana.invited@example.com';
    const stalled: DeliveryEvent[] = [
      { at: at(3 * 24 * 60 * minute), email, kind: 'sent' },
      { at: at(3 * 24 * 60 * minute), email, kind: 'delivered', text: '250 2.0.0 Ok' },
      { at: at(60 * minute), email, kind: 'sent' },
    ];
    const session = await run(email, ['skip'], { ...backend, deliveryEvents: async () => ok(stalled) });
    expect(session.shown[0]).toBe('nothingLeft');
  });

  it('does not call a fresh send with no outcome yet stalled: it waits out the delivery window', async () => {
    const session = await run('ben.recent@example.com', ['arrived']);
    expect(session.shown.slice(0, 2)).toEqual(['waitForDelivery', 'arrivedAfterWait']);
  });

  it('lets the person say it was never sent when the backend cannot read the delivery log', async () => {
    const session = await run('ana.invited@example.com', ['notSent', 'skip'], withCapabilities(allCapabilities.filter((name) => name !== 'deliveryLog')));
    expect(session.shown).toEqual(['askDeliveryError', 'nothingLeft', 'sendingLinkOffer', 'fixSendingSetup']);
    expectOurOwnFix(session.shown);
  });

  it('goes straight to the fix without the copy-link capability', async () => {
    const session = await run('quinn.quota@example.com', [], withCapabilities(allCapabilities.filter((name) => name !== 'copyLink')));
    expect(session.shown).toEqual(['nothingLeft', 'fixSendingSetup']);
  });

  it('still notices the refusal in the log when the backend cannot report its sending status', async () => {
    const session = await run('quinn.quota@example.com', ['skip'], withCapabilities(allCapabilities.filter((name) => name !== 'sendingStatus')));
    expect(session.shown).toEqual(['nothingLeft', 'sendingLinkOffer', 'fixSendingSetup']);
    expect(session.calls).not.toContain('loadSendingStatus');
  });
});

describe('invite-not-received: our sender setup refused at their end', () => {
  it('sends a DMARC bounce to the sending-setup fix, never to an IT ticket at their company', async () => {
    const session = await run('rosa.dmarc@example.org', ['copy']);
    expect(session.shown).toEqual(['sendingProblem', 'sendingLinkOffer', 'fixSendingSetup']);
    expect(session.snapshot.context.facts.delivery).toMatchObject({ action: 'fix-sending-setup', category: 'sender-setup', code: '5.7.26' });
    expect(session.problem?.reason).toBe('sender_not_authenticated');
    expectOurOwnFix(session.shown);
  });
});

describe('invite-not-received: a send that fails on the way', () => {
  it('routes a resend refused by our own mail service to nothing-left and the fix', async () => {
    backend.setSending({ failure: 'sandbox_recipient' });
    const failed = await run('ana.invited@example.com', ['notThere', 'notThere', 'correct', 'copy']);
    expect(failed.shown.slice(-3)).toEqual(['nothingLeft', 'sendingLinkOffer', 'fixSendingSetup']);
    expect(failed.calls).toContain('resendInvite');
    expect(failed.problem).toMatchObject({ reason: 'sandbox_recipient', text: expect.stringMatching(/sandbox/) });
    expect(failed.snapshot.context.facts.inviteLink).toBeDefined();
  });

  it('offers the copied link instead of escalating when a resend fails for another reason', async () => {
    backend.injectFault('resendInvite', { kind: 'unavailable', cause: 'server', status: 503 });
    const session = await run('ana.invited@example.com', ['notThere', 'notThere', 'correct', { press: 'continue' }]);
    expect(session.stoppedAt).toBe('copyLinkOffer');
    expect(session.shown).not.toContain('escalate');
  });

  it('routes a password reset that never left to the fix, without a link offer for an active user', async () => {
    backend.setSending({ failure: 'connection_refused' });
    const session = await run('dan.active@example.com', ['forgotPassword']);
    expect(session.shown).toEqual(['alreadyActive', 'nothingLeft', 'fixSendingSetup']);
    expect(session.problem?.reason).toBe('connection_refused');
  });

  it('routes a new invitation that never left to the fix', async () => {
    backend.setSending({ failure: 'sending_domain_unverified' });
    const session = await run('new.hire@example.com', ['invite']);
    expect(session.shown).toEqual(['notFound', 'nothingLeft', 'fixSendingSetup']);
    expect(session.problem?.reason).toBe('sending_domain_unverified');
  });
});

describe('invite-not-received: our own suppression list', () => {
  it('asks to confirm the address exactly before forcing a delivery past the suppression list', async () => {
    const session = await run('hana.suppressed@example.com', ['exact', 'arrived']);
    expect(session.shown.slice(0, 3)).toEqual(['suppressed', 'confirmSuppressedAddress', 'resent']);
    expect(session.calls).toContain('clearSuppression');
  });

  it('corrects the address instead when it is not exactly right, without lifting the suppression', async () => {
    const session = await run('hana.suppressed@example.com', ['wrong', { input: 'hana@example.com' }]);
    expect(session.shown.slice(0, 3)).toEqual(['suppressed', 'confirmSuppressedAddress', 'fixAddress']);
    expect(session.calls).not.toContain('clearSuppression');
  });
});
