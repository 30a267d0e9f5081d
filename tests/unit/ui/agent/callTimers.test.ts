import { describe, expect, it } from 'vitest';
import { createPolicy, type SessionContext } from '../../../../src/engine/index.ts';
import { callTimers } from '../../../../src/ui/agent/callTimers.ts';
import { formatTimeLeft } from '../../../../src/ui/agent/formatTimeLeft.ts';
import { shortcutFor } from '../../../../src/ui/agent/agentKeymap.ts';

const now = Date.parse('2026-11-22T10:00:00.000Z');
const minute = 60_000;
const policy = createPolicy();

function context(patch: Partial<SessionContext>): SessionContext {
  return {
    flowId: 'f',
    email: 'ana@example.com',
    initialEmail: 'ana@example.com',
    correctedEmail: null,
    facts: {},
    answers: {},
    trail: [],
    stepId: 's',
    transcript: [],
    waitDeadline: null,
    lastError: null,
    startedAt: now,
    ...patch,
  };
}

const invitedUser = {
  id: 'u',
  email: 'ana@example.com',
  status: 'invited' as const,
  invitedAt: new Date(now - 2 * minute).toISOString(),
  lastSentAt: new Date(now - 2 * minute).toISOString(),
  expiresAt: new Date(now + 3 * 24 * 60 * minute).toISOString(),
  acceptedAt: null,
  setupCompleted: false,
  sso: false,
  team: 'a',
};

describe('call timers', () => {
  it('knows nothing before the lookup', () => {
    expect(callTimers(context({}), policy)).toEqual([]);
  });

  it('ends the resend cooldown at the later of the policy cooldown and a rate limit’s retry time', () => {
    const base = context({ facts: { user: invitedUser } });
    expect(callTimers(base, policy).find((timer) => timer.id === 'resendCooldown')?.at).toBe(now + 13 * minute);
    const limited = context({
      facts: { user: invitedUser },
      transcript: [{ type: 'error', at: now, stepId: 'resend', action: 'resendInvite', error: { kind: 'rate_limited', retryAfterMs: 20 * minute } }],
    });
    expect(callTimers(limited, policy).find((timer) => timer.id === 'resendCooldown')?.at).toBe(now + 20 * minute);
  });

  it('has no cooldown for someone already active, and prefers a copied link’s expiry', () => {
    const active = context({ facts: { user: { ...invitedUser, status: 'active', expiresAt: null } } });
    expect(callTimers(active, policy).map((timer) => timer.id)).toEqual([]);
    const linked = context({ facts: { user: invitedUser, inviteLink: { url: 'https://x/y', expiresAt: new Date(now + minute).toISOString(), singleUse: true } } });
    expect(callTimers(linked, policy).find((timer) => timer.id === 'inviteExpiry')?.at).toBe(now + minute);
  });
});

describe('time left', () => {
  it('reads mm:ss under an hour, h:mm:ss under a day, days and hours beyond, and never goes negative', () => {
    expect(formatTimeLeft(61_000, 'en-GB')).toBe('01:01');
    expect(formatTimeLeft(3 * 60 * minute + 5_000, 'en-GB')).toBe('3:00:05');
    expect(formatTimeLeft(50 * 60 * minute, 'en-GB')).toBe('2d 2h');
    expect(formatTimeLeft(-5_000, 'en-GB')).toBe('00:00');
  });

  it('says days and hours, and writes the digits, as the language does', () => {
    // German CLDR: "2 T, 2 h"; the exact spaces are ICU's, so only the difference from English is pinned.
    expect(formatTimeLeft(50 * 60 * minute, 'de')).toMatch(/^2\s?T\b/);
    expect(formatTimeLeft(61_000, 'ar-EG')).toBe('٠١:٠١');
  });
});

describe('the key map', () => {
  const key = (value: string, extra: Partial<KeyboardEvent> = {}) =>
    shortcutFor({ key: value, ctrlKey: false, metaKey: false, altKey: false, repeat: false, defaultPrevented: false, isComposing: false, target: null, ...extra });
  it('maps digits to answers, letters in either case, and refuses modifiers and key repeat', () => {
    expect(key('3')).toEqual({ command: 'option', index: 2 });
    expect(key('B')).toEqual({ command: 'back', index: 0 });
    expect(key('Backspace')).toEqual({ command: 'back', index: 0 });
    expect(key('?')).toEqual({ command: 'help', index: 0 });
    expect(key('x')).toBeNull();
    expect(key('e', { ctrlKey: true })).toBeNull();
    expect(key('e', { altKey: true })).toBeNull();
    expect(key('e', { metaKey: true })).toBeNull();
    expect(key('Enter', { repeat: true })).toBeNull();
  });
});
