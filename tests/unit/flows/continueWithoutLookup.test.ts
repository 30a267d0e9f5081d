import { beforeEach, describe, expect, it } from 'vitest';
import { defaultPolicy, flowEdges, type BackendError, type Flow, type SessionContext } from '../../../src/engine/index.ts';
import { createInvitationRegistry } from '../../../src/registry/index.ts';
import type { MemoryBackend } from '../../../src/adapters/index.ts';
import { createFakeBackend, createUser } from '../../support/createFakeBackend.ts';
import type { Move } from '../../support/driveSession.ts';
import { benchClock, createBenchBackend, loadShippedFlow, runShippedFlow } from '../../support/shippedFlowBench.ts';

/**
 * The user lookup fails and the admin chooses "Continue without it": the session has no user
 * record, so the calls that act on one (resend, password reset, invite link, cancel) cannot be
 * made. The flow must send the admin to the same manual steps a backend without lookup gets,
 * never to "nobody with this address has been invited". A call that fails with not_found for a
 * user who *was* found still goes where it always went.
 */
const registry = createInvitationRegistry();
const timeout: BackendError = { kind: 'unavailable', cause: 'timeout' };
const continueWithout: Move = { press: 'continue' };

const clock = benchClock;
const loadFlow = loadShippedFlow;
let backend: MemoryBackend;

beforeEach(() => {
  backend = createBenchBackend();
});

function run(flow: Flow, email: string, moves: Move[]) {
  return runShippedFlow(flow, backend, { email }, moves);
}

describe('invite-not-received after a failed lookup and "Continue without it"', () => {
  const flow = loadFlow('invite-not-received.json');
  beforeEach(() => backend.injectFault('findUser', timeout));

  it('sends an expired invitation to the manual resend, not to "nobody has been invited"', async () => {
    const session = await run(flow, 'cara.expired@example.com', [continueWithout, 'invited', 'longAgo']);
    expect(session.shown).toEqual(['askStatus', 'askWhenSent', 'inviteExpiredByAge', 'resendManually', 'afterResend']);
    expect(session.calls).toEqual(['findUser']);
    expect(session.unusedMoves).toEqual([]);
  });

  it('lets an active person reset their own password instead of calling a reset for nobody', async () => {
    const session = await run(flow, 'dan.active@example.com', [continueWithout, 'active', 'forgotPassword']);
    expect(session.shown).toEqual(['askStatus', 'alreadyActive', 'resetSelfService', 'afterReset']);
    expect(session.calls).toEqual(['findUser']);
  });

  it('resends and copies the link by hand after the checks', async () => {
    const session = await run(flow, 'ana.invited@example.com', [
      continueWithout, 'invited', 'earlier', 'notThere', 'notThere', 'correct', 'stillNothing', 'copy',
    ]);
    expect(session.shown.slice(-6)).toEqual(['resendManually', 'afterResend', 'copyLinkOffer', 'copyLinkWarning', 'copyLinkManually', 'afterLink']);
    expect(session.calls).toEqual(['findUser', 'deliveryEvents', 'loadSendingStatus', 'loadDomainPeers']);
  });

  it('corrects a mistyped address in the admin console, without asking for the new one first', async () => {
    const session = await run(flow, 'finn@exampel.com', [continueWithout, 'invited', 'earlier']);
    expect(session.shown).toEqual(['askStatus', 'askWhenSent', 'badDomain', 'fixManually', 'afterManualFix']);
    expect(session.calls).toEqual(['findUser', 'deliveryEvents', 'loadSendingStatus']);
  });
});

describe('invite-not-received with the user found', () => {
  const flow = loadFlow('invite-not-received.json');

  it('still answers a resend refused with not_found by "nobody has been invited"', async () => {
    backend.injectFault('resendInvite', { kind: 'not_found' });
    const session = await run(flow, 'cara.expired@example.com', []);
    expect(session.shown).toEqual(['inviteExpired', 'notFound']);
    expect(session.calls).toEqual(['findUser', 'resendInvite']);
    expect(session.snapshot.context.lastError).toEqual({ kind: 'not_found' });
  });

  it('still answers a link refused with not_found by "nobody has been invited"', async () => {
    backend.injectFault('getInviteLink', { kind: 'not_found' });
    const session = await run(flow, 'ana.invited@example.com', ['notThere', 'notThere', 'correct', 'stillNothing', 'copy']);
    expect(session.shown.slice(-3)).toEqual(['copyLinkOffer', 'copyLinkWarning', 'notFound']);
  });

  it('still goes on to the new invitation when the old one was already gone', async () => {
    backend.injectFault('cancelInvite', { kind: 'not_found' });
    const session = await run(flow, 'finn@exampel.com', [{ input: 'finn@example.com' }, 'arrived']);
    expect(session.shown).toEqual(['badDomain', 'fixAddress', 'reinvited', 'reinvitedArrived', 'resolvedReinvited']);
    expect(session.calls).toEqual(['findUser', 'deliveryEvents', 'loadSendingStatus', 'cancelInvite', 'inviteUser']);
  });
});

describe('invite-link-expired after a failed lookup and "Continue without it"', () => {
  const flow = loadFlow('invite-link-expired.json');

  it('asks an administrator to resend instead of failing a resend for nobody', async () => {
    backend.injectFault('findUser', timeout);
    const session = await run(flow, 'ana.invited@example.com', [continueWithout, 'saysUsed', 'openedBefore']);
    expect(session.shown).toEqual(['askWhatHappened', 'askFirstClick', 'usedUp', 'askAdmin']);
    expect(session.calls).toEqual(['findUser', 'loadSendingStatus', 'loadLinkEvents']);
  });
});

describe('every call that acts on the looked-up user', () => {
  /** Actions that refuse to run without a user record and run with one: they need the lookup to have found someone. */
  async function needsUserRecord(name: string): Promise<boolean> {
    const attempt = async (facts: SessionContext['facts']) => {
      const { backend: fake, calls } = createFakeBackend();
      const context = { email: 'ana@example.com', correctedEmail: 'ana.b@example.com', facts } as SessionContext;
      const result = await registry.actions[name]!.run({ context, backend: fake, policy: defaultPolicy, clock, signal: new AbortController().signal });
      return { result, calls };
    };
    const without = await attempt({});
    const withUser = await attempt({ user: createUser() });
    return !without.result.ok && without.result.error.kind === 'not_found' && without.calls.length === 0 && withUser.result.ok;
  }

  it.each(['invite-not-received.json', 'invite-link-expired.json'])('in %s is entered only from a check that a user record was found', async (file) => {
    const flow = loadFlow(file);
    const needing = new Set<string>();
    for (const name of Object.keys(registry.actions)) if (await needsUserRecord(name)) needing.add(name);
    expect([...needing].sort()).toEqual(['cancelInvite', 'getInviteLink', 'resendInvite', 'sendPasswordReset']);

    const guarded = Object.entries(flow.steps).filter(([, step]) => step.kind === 'action' && needing.has(step.action)).map(([id]) => id);
    expect(guarded.length).toBeGreaterThan(0);
    // An input that leads straight into the call (fixAddress → cancelOld) asks for what the call
    // needs, so the check belongs in front of the question.
    const entranceOf = (id: string) => Object.entries(flow.steps).find(([, step]) => step.kind === 'input' && step.next === id)?.[0] ?? id;
    const entrances = new Set(guarded.map(entranceOf));
    const ways = [
      ...flowEdges(flow.steps).filter((edge) => edge.via.type !== 'retry'),
      ...Object.entries(flow.steps).flatMap(([from, step]) => (step.unsupported ? [{ from, to: step.unsupported, via: { type: 'unsupported' } }] : [])),
      ...Object.values(flow.entries ?? {}).map((to) => ({ from: '(entry)', to, via: { type: 'entry' } })),
    ];
    const isUserCheck = (edge: (typeof ways)[number]) => {
      const from = flow.steps[edge.from];
      return from?.kind === 'check' && edge.via.type === 'branch' && from.branches.some((branch) => branch.when === 'isUserFound' && branch.next === edge.to);
    };
    const unguarded = ways.filter((edge) => entrances.has(edge.to as string) && !isUserCheck(edge));
    expect(unguarded.map((edge) => `${edge.from} -[${edge.via.type}]-> ${edge.to}`)).toEqual([]);
  });
});
