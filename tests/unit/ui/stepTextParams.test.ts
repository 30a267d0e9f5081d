import { describe, expect, it } from 'vitest';
import { createPolicy, type SessionContext } from '../../../src/engine/index.ts';
import { stepTextParamNames, stepTextParams } from '../../../src/ui/stepTextParams.ts';
import { createUser } from '../../support/createFakeBackend.ts';
import enFlows from '../../../locales/en/flows.json';

function createContext(overrides: Partial<SessionContext> = {}): SessionContext {
  return {
    flowId: 'invite-not-received',
    email: 'lee@gmial.com',
    initialEmail: 'lee@gmial.com',
    correctedEmail: null,
    facts: {},
    answers: {},
    trail: [],
    stepId: 'start',
    transcript: [],
    waitDeadline: null,
    lastError: null,
    startedAt: 0,
    ...overrides,
  };
}

const dateTime = (locale: string, iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));

describe('stepTextParams', () => {
  it('gives every parameter a value, and an em dash for what is not known yet', () => {
    const { context, ...params } = stepTextParams(createContext({ email: null }), createPolicy(), 'en');
    expect(Object.keys(params).sort()).toEqual([...stepTextParamNames].sort());
    // No link origin known: texts that name it pick their variant without it.
    expect(context).toBe('noLinkOrigin');
    for (const value of Object.values(params)) {
      expect(value).not.toMatch(/undefined|null|NaN/);
      expect(value.length).toBeGreaterThan(0);
    }
    expect(params.email).toBe('—');
    expect(params.acceptedAt).toBe('—');
    expect(params.linkExpiresAt).toBe('—');
    expect(params.cooldownEndsAt).toBe('—');
  });

  it('reads the policy, the address check and the facts, with dates in the chosen language', () => {
    const user = createUser({ lastSentAt: '2026-11-22T10:00:00.000Z', expiresAt: '2026-11-29T10:00:00.000Z', acceptedAt: null });
    const context = createContext({
      correctedEmail: 'lee@gmail.com',
      facts: {
        user,
        resend: { sentAt: '2026-11-22T10:20:00.000Z', expiresAt: '2026-11-29T10:20:00.000Z' },
        passwordReset: { sentAt: '2026-11-22T10:30:00.000Z', expiresAt: '2026-11-22T16:30:00.000Z' },
        inviteLink: { url: 'https://app.example.com/invite/secret', expiresAt: '2026-11-29T10:20:00.000Z', singleUse: true },
      },
    });
    const params = stepTextParams(context, createPolicy({ senderAddress: 'hello@acme.test', supportContact: 'help@acme.test' }), 'de');
    expect(params).toMatchObject({
      email: 'lee@gmial.com',
      correctedEmail: 'lee@gmail.com',
      suggestion: 'lee@gmail.com',
      sender: 'hello@acme.test',
      support: 'help@acme.test',
      inviteExpiryDays: '7',
      deliveryWindowMinutes: '5',
      cooldownMinutes: '15',
      resetExpiryHours: '6',
      acceptedAt: '—',
      expiresAt: dateTime('de', '2026-11-29T10:00:00.000Z'),
      // The resend in this session is the latest send: the cooldown counts from it.
      lastSentAt: dateTime('de', '2026-11-22T10:20:00.000Z'),
      cooldownEndsAt: dateTime('de', '2026-11-22T10:35:00.000Z'),
      sentAt: dateTime('de', '2026-11-22T10:20:00.000Z'),
      newExpiresAt: dateTime('de', '2026-11-29T10:20:00.000Z'),
      resetExpiresAt: dateTime('de', '2026-11-22T16:30:00.000Z'),
      linkExpiresAt: dateTime('de', '2026-11-29T10:20:00.000Z'),
      linkOrigin: 'https://app.example.com',
    });
    // The origin is known (from the copied link): no text needs its variant without it.
    expect(params.context).toBeUndefined();
  });

  it.each([
    ['en', '3 days ago', '2 hours ago', '5 minutes ago'],
    ['de', 'vor 3 Tagen', 'vor 2 Stunden', 'vor 5 Minuten'],
    ['sv', 'för 3 dagar sedan', 'för 2 timmar sedan', 'för 5 minuter sedan'],
  ])('says how long ago the latest invitation went out in %s, in the unit that fits', (locale, days, hours, minutes) => {
    const now = Date.parse('2026-11-22T10:00:00.000Z');
    const sentAgo = (ms: number) => stepTextParams(createContext({ facts: { user: createUser({ lastSentAt: new Date(now - ms).toISOString() }) } }), createPolicy(), locale, now).lastSentAgo;
    expect(sentAgo(3 * 24 * 3_600_000)).toBe(days);
    expect(sentAgo(2 * 3_600_000)).toBe(hours);
    expect(sentAgo(5 * 60_000)).toBe(minutes);
    expect(stepTextParams(createContext(), createPolicy(), locale, now).lastSentAgo).toBe('—');
  });

  it('covers every parameter the flow texts use', () => {
    const used = new Set([...JSON.stringify(enFlows).matchAll(/\{\{\s*([A-Za-z]+)\s*\}\}/g)].map((match) => match[1]));
    expect([...used].filter((name) => !(stepTextParamNames as readonly string[]).includes(name as string))).toEqual([]);
  });
});
