import { describe, expect, it } from 'vitest';
import { defaultPolicy, type Facts, type LinkEvent, type SessionContext } from '../../../src/engine/index.ts';
import { isSuspiciousHost, linkGuards, linkHost } from '../../../src/registry/linkGuards.ts';
import { linkActions } from '../../../src/registry/linkActions.ts';
import { createMemoryBackend, demoSeed } from '../../../src/adapters/index.ts';
import { allCapabilities } from '../../../src/engine/InvitationBackend.ts';

const now = Date.parse('2026-11-22T10:00:00.000Z');

function contextWith(facts: Facts): SessionContext {
  return {
    flowId: 'invite-link-expired',
    email: 'nils@gatekeep.example',
    initialEmail: 'nils@gatekeep.example',
    correctedEmail: null,
    facts,
    answers: {},
    trail: [],
    stepId: 'start',
    transcript: [],
    waitDeadline: null,
    lastError: null,
    startedAt: now,
  };
}

function guard(name: keyof typeof linkGuards & string, facts: Facts): boolean {
  return linkGuards[name]!({ context: contextWith(facts), policy: defaultPolicy, now }, undefined);
}

const refused = (overrides: Partial<LinkEvent>): LinkEvent => ({ at: new Date(now).toISOString(), email: 'nils@gatekeep.example', kind: 'refused', refusal: 'used', ...overrides });

describe('isLinkUsedByScanner', () => {
  it('sees a scanner in a refusal as used or expired within two minutes of delivery', () => {
    expect(guard('isLinkUsedByScanner', { linkEvents: [refused({ secondsAfterDelivery: 6 })] })).toBe(true);
    expect(guard('isLinkUsedByScanner', { linkEvents: [refused({ refusal: 'expired', secondsAfterDelivery: 90 })] })).toBe(true);
  });

  it('sees a scanner in a refusal flagged automated, however late', () => {
    expect(guard('isLinkUsedByScanner', { linkEvents: [refused({ secondsAfterDelivery: 7_200, automated: true })] })).toBe(true);
    expect(guard('isLinkUsedByScanner', { linkEvents: [refused({ automated: true })] })).toBe(true);
  });

  it('does not blame a scanner for a late human refusal, a revoked link, a wrong account, or an open that was not refused', () => {
    expect(guard('isLinkUsedByScanner', { linkEvents: [refused({ secondsAfterDelivery: 3_600, automated: false })] })).toBe(false);
    expect(guard('isLinkUsedByScanner', { linkEvents: [refused({ refusal: 'revoked', secondsAfterDelivery: 5 })] })).toBe(false);
    expect(guard('isLinkUsedByScanner', { linkEvents: [refused({ refusal: 'wrong_account', secondsAfterDelivery: 5, automated: true })] })).toBe(false);
    expect(guard('isLinkUsedByScanner', { linkEvents: [{ at: new Date(now).toISOString(), email: 'a@b.example', kind: 'opened', automated: true, secondsAfterDelivery: 2 }] })).toBe(false);
    expect(guard('isLinkUsedByScanner', { linkEvents: [refused({ secondsAfterDelivery: null })] })).toBe(false);
    expect(guard('isLinkUsedByScanner', {})).toBe(false);
  });
});

describe('isOpenedAsOtherAccount', () => {
  it('is true only for a wrong-account refusal', () => {
    expect(guard('isOpenedAsOtherAccount', { linkEvents: [refused({ refusal: 'wrong_account' })] })).toBe(true);
    expect(guard('isOpenedAsOtherAccount', { linkEvents: [refused({ refusal: 'used' })] })).toBe(false);
    expect(guard('isOpenedAsOtherAccount', {})).toBe(false);
  });
});

describe('isLinkHostSuspicious', () => {
  const sending = (linkOrigin: string) => ({ sending: { configured: true, linkOrigin } });

  it.each([
    'http://localhost:3000', 'http://127.0.0.1', 'http://127.8.9.1:8080', 'http://[::1]:3000', 'http://0.0.0.0:3000',
    'http://10.0.0.5', 'http://192.168.1.20', 'http://172.20.0.3', 'http://myapp.local', 'https://app.test',
    'https://app.internal', 'http://intranet', 'https://staging.app.example.com', 'https://app-dev.herokuapp.com',
    'https://qa.acme.io', 'https://preview-42.acme.io', 'https://dev2.acme.io',
  ])('flags links pointing at %s', (origin) => {
    expect(guard('isLinkHostSuspicious', sending(origin))).toBe(true);
  });

  it.each(['https://app.example.com', 'https://acme.io', 'https://dev.to', 'https://devon.acme.io', 'https://app.stagecoach.com', 'https://8.8.8.8'])(
    'accepts links pointing at %s',
    (origin) => {
      expect(guard('isLinkHostSuspicious', sending(origin))).toBe(false);
    },
  );

  it('reads the copied link when the backend did not say where links point, and is false when nothing is known', () => {
    const inviteLink = { url: 'http://localhost:5173/invite/secret-token', expiresAt: new Date(now).toISOString(), singleUse: true };
    expect(guard('isLinkHostSuspicious', { inviteLink })).toBe(true);
    expect(guard('isLinkHostSuspicious', {})).toBe(false);
    expect(guard('isLinkHostSuspicious', { sending: { configured: true } })).toBe(false);
  });

  it('names hosts without port or brackets, and skips what does not parse', () => {
    expect(linkHost('not a url', 'http://[::1]:3000/x')).toBe('::1');
    expect(linkHost(undefined, null)).toBeNull();
    expect(isSuspiciousHost('LOCALHOST.')).toBe(true);
  });
});

describe('isResendExpiryPast', () => {
  it('is true when the resend answered with an expiry at or before now, or one that does not parse', () => {
    const resend = (expiresAt: string) => ({ resend: { sentAt: new Date(now).toISOString(), expiresAt } });
    expect(guard('isResendExpiryPast', resend(new Date(now - 1).toISOString()))).toBe(true);
    expect(guard('isResendExpiryPast', resend(new Date(now).toISOString()))).toBe(true);
    expect(guard('isResendExpiryPast', resend('soon'))).toBe(true);
    expect(guard('isResendExpiryPast', resend(new Date(now + 60_000).toISOString()))).toBe(false);
    expect(guard('isResendExpiryPast', {})).toBe(false);
  });
});

describe('loadLinkEvents', () => {
  const run = (backend: ReturnType<typeof createMemoryBackend>, email: string | null) =>
    linkActions.loadLinkEvents!.run({ context: { ...contextWith({}), email }, backend, policy: defaultPolicy, clock: () => now, signal: new AbortController().signal });

  it('puts the link events into the facts, with a summary that holds no secret', async () => {
    const result = await run(createMemoryBackend(demoSeed, () => now), 'nils@gatekeep.example');
    expect(result).toMatchObject({ ok: true, value: { facts: { linkEvents: [{ refusal: 'used', automated: true }] }, summary: { events: 1, refused: 1, automated: true, latestRefusal: 'used' } } });
  });

  it('needs the linkEvents capability and an address', async () => {
    expect(linkActions.loadLinkEvents!.requires).toEqual(['linkEvents']);
    expect(await run(createMemoryBackend(demoSeed, () => now), null)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    const without = createMemoryBackend(demoSeed, () => now, { capabilities: allCapabilities.filter((capability) => capability !== 'linkEvents') });
    expect(await run(without, 'nils@gatekeep.example')).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
  });
});
