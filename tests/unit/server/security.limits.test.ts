import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../support/startTestServer.ts';
import { withFileTestServer } from '../../support/withFileTestServer.ts';
import { call, errorOf, type Answer } from './securityHelpers.ts';

const minute = 60_000;
const hour = 60 * minute;

const file = withFileTestServer({ resetEachTest: true });

/** A 429 as the contract has it: Retry-After whole seconds in [1, 86400], agreeing with the body's retryAfterMs. */
function expectRetryAfter(answer: Answer, expectedMs?: number): number {
  expect(answer.status, answer.text).toBe(429);
  const header = answer.headers.get('retry-after') ?? '';
  expect(header).toMatch(/^[1-9][0-9]*$/);
  const seconds = Number(header);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(86_400);
  const error = errorOf(answer);
  expect(error.kind).toBe('rate_limited');
  expect(Number.isInteger(error.retryAfterMs)).toBe(true);
  expect(error.retryAfterMs).toBeGreaterThan(0);
  expect(Math.ceil((error.retryAfterMs ?? 0) / 1000)).toBe(seconds);
  if (expectedMs !== undefined) expect(error.retryAfterMs).toBe(expectedMs);
  return error.retryAfterMs ?? 0;
}

describe('sign-in attempts', () => {
  it('allows 10 sign-in attempts per minute per client address, then answers 429 with Retry-After', async () => {
    // The window is a clock minute: start at its beginning so the 11th attempt lands in it.
    file.server.advance(minute - (file.server.now() % minute));
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect((await call(file.server.url, 'POST', '/v1/sign-in', { body: { code: `guess-${attempt}` } })).status).toBe(401);
    }
    file.server.advance(15_500);
    const limited = await call(file.server.url, 'POST', '/v1/sign-in', { body: { code: 'guess-11' } });
    expectRetryAfter(limited, minute - 15_500);
    expect(limited.headers.get('retry-after')).toBe('45');
    file.server.advance(minute);
    expect((await call(file.server.url, 'POST', '/v1/sign-in', { body: { code: 'guess-12' } })).status).toBe(401);
  });
});

describe('invitations per key', () => {
  it('allows invitesPerKeyPerHour invitations per key, then 429 until the hour is over; other keys are not affected', async () => {
    const limited = await startTestServer({ store: file.store, limits: { invitesPerKeyPerHour: 3 } });
    try {
      limited.advance(hour - (limited.now() % hour));
      for (let index = 1; index <= 3; index++) {
        const answer = await call(limited.url, 'POST', '/v1/invitations', { key: limited.keys.managerA, body: { email: `burst${index}@example.net` } });
        expect(answer.status).toBe(201);
      }
      limited.advance(10 * minute);
      const fourth = await call(limited.url, 'POST', '/v1/invitations', { key: limited.keys.managerA, body: { email: 'burst4@example.net' } });
      expectRetryAfter(fourth, 50 * minute);
      // Even an address that would be refused (already invited) is counted, so probing is limited too.
      const probe = await call(limited.url, 'POST', '/v1/invitations', { key: limited.keys.managerA, body: { email: 'mo.teamb@example.com' } });
      expect(probe.status).toBe(429);
      expect((await call(limited.url, 'POST', '/v1/invitations', { key: limited.keys.admin, body: { email: 'burst4@example.net' } })).status).toBe(201);
      limited.advance(50 * minute);
      expect((await call(limited.url, 'POST', '/v1/invitations', { key: limited.keys.managerA, body: { email: 'burst5@example.net' } })).status).toBe(201);
    } finally {
      await limited.close();
    }
  });
});

describe('cooldowns', () => {
  const cooldownMs = 15 * minute;

  it('refuses a resend inside the resend cooldown with 429 and the time left', async () => {
    // Ben was invited 3 minutes ago.
    expectRetryAfter(await call(file.server.url, 'POST', '/v1/users/usr_ben/resend', { key: file.server.keys.admin }), cooldownMs - 3 * minute);
    // Cara's invitation is old: one resend, then the cooldown.
    expect((await call(file.server.url, 'POST', '/v1/users/usr_cara/resend', { key: file.server.keys.admin })).status).toBe(200);
    file.server.advance(1_001);
    expectRetryAfter(await call(file.server.url, 'POST', '/v1/users/usr_cara/resend', { key: file.server.keys.admin }), cooldownMs - 1_001);
    file.server.advance(cooldownMs - 1_001);
    expect((await call(file.server.url, 'POST', '/v1/users/usr_cara/resend', { key: file.server.keys.admin })).status).toBe(200);
  });

  it('refuses cancel + re-invite inside the cooldown with 429: cancelling is no way around it', async () => {
    expect((await call(file.server.url, 'POST', '/v1/users/usr_ben/cancel', { key: file.server.keys.admin })).status).toBe(200);
    const again = await call(file.server.url, 'POST', '/v1/invitations', { key: file.server.keys.admin, body: { email: 'BEN.recent@example.com' } });
    expectRetryAfter(again, cooldownMs - 3 * minute);
    file.server.advance(cooldownMs - 3 * minute);
    expect((await call(file.server.url, 'POST', '/v1/invitations', { key: file.server.keys.admin, body: { email: 'ben.recent@example.com' } })).status).toBe(201);
  });

  it('refuses a second password reset inside its cooldown with 429', async () => {
    expect((await call(file.server.url, 'POST', '/v1/users/usr_dan/password-reset', { key: file.server.keys.admin })).status).toBe(200);
    file.server.advance(500);
    expectRetryAfter(await call(file.server.url, 'POST', '/v1/users/usr_dan/password-reset', { key: file.server.keys.admin }), cooldownMs - 500);
  });

  it('caps Retry-After at a day even when a cooldown is longer', async () => {
    const slow = await startTestServer({ store: file.store, policy: { resendCooldownMs: 3 * 86_400_000 } });
    try {
      const answer = await call(slow.url, 'POST', '/v1/users/usr_ben/resend', { key: slow.keys.admin });
      expectRetryAfter(answer);
      expect(answer.headers.get('retry-after')).toBe('86400');
    } finally {
      await slow.close();
    }
  });
});
