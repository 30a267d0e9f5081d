import { describe, expect, it } from 'vitest';
import { demoSeed } from '../../../src/adapters/index.ts';
import { createPolicy, defaultPolicy } from '../../../src/engine/Policy.ts';

const now = Date.parse('2025-03-10T09:00:00.000Z');
const day = 24 * 60 * 60_000;

describe('demoSeed', () => {
  const seed = demoSeed(now, defaultPolicy);

  it('seeds exactly the demo addresses, each once, with a name and a unique id', () => {
    expect(seed.users.map((user) => user.email).sort()).toEqual(
      [
        'ana.invited@example.com', 'ben.recent@example.com', 'cara.expired@example.com', 'dan.active@example.com',
        'eve.deactivated@example.com', 'finn@exampel.com', 'gus.nomailbox@example.com', 'hana.suppressed@example.com',
        'ivan@corp.example', 'priya@corp.example', 'tomas@corp.example', 'sofia@corp.example', 'liam@corp.example',
        'jo.sso@example.com', 'kim.halfway@example.com', 'lee@gmial.com', 'mo.teamb@example.com',
        'nils@gatekeep.example', 'olga.otheraccount@example.com', 'pia.resent@example.com', 'quinn.quota@example.com', 'rosa.dmarc@example.org',
      ].sort(),
    );
    expect(new Set(seed.users.map((user) => user.id)).size).toBe(seed.users.length);
    for (const user of seed.users) expect(user.name).toBeTruthy();
  });

  it('puts everybody but mo in team a', () => {
    expect(seed.users.filter((user) => user.team !== 'a').map((user) => user.email)).toEqual(['mo.teamb@example.com']);
  });

  it('is plain data of now: the same instant builds the same seed', () => {
    expect(demoSeed(now, defaultPolicy)).toEqual(seed);
  });

  it('keeps cara expired even under a long invite expiry', () => {
    const cara = demoSeed(now, createPolicy({ inviteExpiryMs: 30 * day })).users.find((user) => user.email.startsWith('cara'));
    expect(Date.parse(cara?.expiresAt ?? '')).toBeLessThan(now);
  });

  it('logs only events at or before now', () => {
    for (const event of seed.events) expect(Date.parse(event.at)).toBeLessThanOrEqual(now);
  });
});
