import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { allCapabilities, compileFlow, parseFlow, type Capability, type InvitationBackend, type InvitedUser } from '../../../src/engine/index.ts';
import { createInvitationRegistry } from '../../../src/registry/index.ts';
import { createMemoryBackend, deliveryAttempt, demoSeed, type MemoryBackend, type MemorySeedFactory } from '../../../src/adapters/index.ts';
import { repoRoot } from '../../../scripts/lib/loadProjectFiles.ts';
import { driveSession, type Move } from '../../support/driveSession.ts';

/**
 * Issue 12, item 3: the flow answers from what the backend already knows instead of asking.
 * Each test drives the real compiled invite-not-received flow against the memory backend.
 */
const flowFile = path.join(repoRoot, 'flows/invite-not-received.json');
const parsed = parseFlow(readFileSync(flowFile, 'utf8'), 'invite-not-received.json');
if (!parsed.ok) throw new Error('the shipped flow does not parse');
const flow = parsed.flow;
const registry = createInvitationRegistry();
const minute = 60_000;
const hour = 60 * minute;

let now = Date.parse('2026-11-22T10:00:00.000Z');
const clock = () => now;

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
  now = Date.parse('2026-11-22T10:00:00.000Z');
  backend = createMemoryBackend(seedWithNora, clock);
});

async function run(email: string | null, moves: Move[] = [], using: InvitationBackend = backend) {
  const compiled = compileFlow(flow, { registry, backend: using, clock });
  if (!compiled.ok) throw new Error(compiled.problems.map((problem) => problem.message).join('\n'));
  return driveSession(compiled.compiled, { email }, moves);
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
