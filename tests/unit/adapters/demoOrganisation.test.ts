import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBackend, defaultOrganisationSize, demoOrganisation, demoSeed, predictDeliveryOutcome, withDemoOrganisation } from '../../../src/adapters/index.ts';
import type { MemorySeed } from '../../../src/adapters/index.ts';
import { addressKey } from '../../../src/adapters/memory/addressKey.ts';
import { demoOrganisationWorld } from '../../../src/adapters/memory/demoOrganisationWorld.ts';
import { normalizeAddress, suggestDomain } from '../../../src/diagnostics/index.ts';
import type { DeliveryEvent, InvitedUser } from '../../../src/engine/InvitationBackend.ts';
import { createPolicy } from '../../../src/engine/Policy.ts';

const now = Date.parse('2026-11-30T09:00:00.000Z');
const day = 24 * 60 * 60_000;
const policy = createPolicy();
const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);
const seededDomains = new Set(demoSeed(now, policy).users.map((user) => domainOf(user.email)));

let org: MemorySeed;
/** Each generated person's delivery events, oldest first, and the latest one that is not `sent`. */
let logs: Map<string, DeliveryEvent[]>;
const outcome = (user: InvitedUser) => (logs.get(user.email) ?? []).filter((event) => event.kind !== 'sent').at(-1);
const isExpired = (user: InvitedUser) => user.status === 'invited' && user.expiresAt !== null && Date.parse(user.expiresAt) < now;
const share = (count: number) => count / org.users.length;

beforeAll(() => {
  org = demoOrganisation(now, policy);
  logs = new Map();
  for (const event of org.events) logs.set(event.email, [...(logs.get(event.email) ?? []), event]);
});

describe('the generated demo organisation', () => {
  it('is the same on every run for the same now, and moves with now as a whole', () => {
    // The whole output, compared as text: toEqual on 10,000 objects takes seconds.
    expect(JSON.stringify(demoOrganisation(now, policy))).toBe(JSON.stringify(org));
    const [first, later] = [demoOrganisation(now, policy, 600), demoOrganisation(now + 3 * day, policy, 600)];
    expect(later.users.map((user) => user.email)).toEqual(first.users.map((user) => user.email));
    expect(later.users.map((user) => Date.parse(user.invitedAt ?? '') - 3 * day)).toEqual(first.users.map((user) => Date.parse(user.invitedAt ?? '')));
  });

  it('invites at least 2,000 people over the last 60 days', () => {
    expect(org.users.length).toBe(defaultOrganisationSize);
    expect(defaultOrganisationSize).toBeGreaterThanOrEqual(2_000);
    const ages = org.users.map((user) => now - Date.parse(user.invitedAt ?? ''));
    expect(Math.min(...ages)).toBeGreaterThan(0);
    expect(Math.min(...ages)).toBeLessThan(day);
    expect(Math.max(...ages)).toBeLessThanOrEqual(60 * day);
    expect(Math.max(...ages)).toBeGreaterThan(55 * day);
    expect(demoOrganisation(now, policy, 500).users).toHaveLength(500);
    expect(demoOrganisation(now, policy, 0).users).toHaveLength(0);
  });

  it('is a realistic mix: most accepted and set up, some waiting, a few hundred expired', () => {
    const accepted = org.users.filter((user) => user.status !== 'invited');
    expect(share(accepted.length)).toBeGreaterThan(0.55);
    expect(share(accepted.length)).toBeLessThan(0.85);
    expect(share(accepted.filter((user) => user.setupCompleted).length)).toBeGreaterThan(0.5);
    const unfinished = accepted.filter((user) => user.status === 'active' && !user.setupCompleted);
    expect(unfinished.length).toBeGreaterThanOrEqual(40);
    expect(share(org.users.filter((user) => user.status === 'deactivated').length)).toBeGreaterThan(0.005);
    expect(share(org.users.filter((user) => user.status === 'deactivated').length)).toBeLessThan(0.05);
    const delivered = org.users.filter((user) => user.status === 'invited' && outcome(user)?.kind === 'delivered');
    expect(delivered.filter((user) => !isExpired(user)).length).toBeGreaterThanOrEqual(60);
    const expired = delivered.filter(isExpired);
    expect(expired.length).toBeGreaterThanOrEqual(200);
    expect(expired.length).toBeLessThanOrEqual(600);
    expect(org.users.filter((user) => user.status === 'invited' && !outcome(user)).length).toBeGreaterThan(0);
    expect(new Set(org.users.map((user) => user.team))).toEqual(new Set(['a', 'b']));
  });

  it('bounces by category: unknown mailboxes, typo domains without MX, full mailboxes, greylisting, suppressions', () => {
    const byCode = (code: string) => org.users.filter((user) => outcome(user)?.enhancedCode === code);
    expect(byCode('5.1.1').length).toBeGreaterThanOrEqual(30);
    const typos = byCode('5.1.2');
    expect(typos.length).toBeGreaterThanOrEqual(15);
    expect(typos.filter((user) => suggestDomain(domainOf(user.email)) === null)).toEqual([]);
    expect(byCode('4.2.2').length).toBeGreaterThanOrEqual(5);
    expect(byCode('4.7.1').length).toBeGreaterThanOrEqual(10);
    expect(org.suppressed.length).toBeGreaterThanOrEqual(10);
    const suppressed = new Set(org.suppressed);
    expect(new Set(org.users.filter((user) => suppressed.has(user.email)).map((user) => outcome(user)?.kind))).toEqual(new Set(['dropped']));
  });

  it('has companies behind strict filters, where every one of 15 to 80 people is refused 5.7.1', () => {
    expect(org.mail.blockingDomains.length).toBeGreaterThanOrEqual(2);
    for (const domain of org.mail.blockingDomains) {
      const people = org.users.filter((user) => domainOf(user.email) === domain);
      expect(people.length, domain).toBeGreaterThanOrEqual(15);
      expect(people.length, domain).toBeLessThanOrEqual(80);
      expect(new Set(people.map((user) => outcome(user)?.enhancedCode)), domain).toEqual(new Set(['5.7.1']));
    }
  });

  it('has a company whose security gateway spends every link seconds after delivery', () => {
    const domain = demoOrganisationWorld.gatewayCompany.domain;
    const people = org.users.filter((user) => domainOf(user.email) === domain);
    expect(people.length).toBeGreaterThanOrEqual(15);
    for (const user of people) {
      const scan = (org.linkEvents ?? []).find((event) => event.email === user.email && event.automated);
      expect(scan, user.email).toMatchObject({ kind: 'refused', refusal: 'used' });
      expect(scan?.secondsAfterDelivery).toBeLessThan(30);
      expect(user.status).toBe('invited');
    }
  });

  it('has one single-sign-on company and a wave of 200 invitations in one afternoon', () => {
    expect(new Set(org.users.filter((user) => user.sso).map((user) => domainOf(user.email)))).toEqual(new Set([demoOrganisationWorld.ssoCompany]));
    const wave = org.users.filter((user) => domainOf(user.email) === demoOrganisationWorld.bulkCompany).map((user) => Date.parse(user.invitedAt ?? ''));
    expect(wave.length).toBeGreaterThanOrEqual(200);
    expect(Math.max(...wave) - Math.min(...wave)).toBeLessThanOrEqual(4 * 60 * 60_000);
  });

  it('uses reserved names for every company, and well-known free-mail domains or their typos otherwise', () => {
    const domains = new Set(org.users.map((user) => domainOf(user.email)));
    expect(domains.size).toBeGreaterThanOrEqual(40);
    const mailDomains = new Set<string>([...demoOrganisationWorld.freeMail, ...demoOrganisationWorld.typoDomains]);
    const companies = [...domains].filter((domain) => !mailDomains.has(domain));
    expect(companies.length).toBeGreaterThanOrEqual(40);
    expect(companies.length).toBeLessThanOrEqual(60);
    for (const domain of companies) expect(domain).toMatch(/\.(example|test)$|\.example\.org$/);
    for (const domain of demoOrganisationWorld.typoDomains) expect(org.mail.noMxDomains).toContain(domain);
  });

  it('collides with nobody: unique ids and addresses, and no seeded person\'s domain', () => {
    const seeded = demoSeed(now, policy).users;
    const all = [...seeded, ...org.users];
    expect(new Set(all.map((user) => user.id)).size).toBe(all.length);
    expect(new Set(all.map((user) => user.email)).size).toBe(all.length);
    expect(org.users.filter((user) => seededDomains.has(domainOf(user.email)))).toEqual([]);
    expect(org.users.filter((user) => addressKey(user.email) !== user.email)).toEqual([]);
  });

  it('keeps its mail rules to its own people: a seeded person\'s next attempt ends as before', () => {
    const seed = demoSeed(now, policy);
    const combined = withDemoOrganisation(demoSeed)(now, policy);
    for (const user of seed.users) {
      expect(predictDeliveryOutcome(user.email, combined.mail, new Set()), user.email).toBe(predictDeliveryOutcome(user.email, seed.mail, new Set()));
    }
  });
});

describe('withDemoOrganisation', () => {
  it('keeps the 13 seeded people exactly as demoSeed makes them, with their logs, links and rules', () => {
    const seed = demoSeed(now, policy);
    const combined = withDemoOrganisation(demoSeed)(now, policy);
    expect(combined.users.slice(0, seed.users.length)).toEqual(seed.users);
    expect(combined.events.slice(0, seed.events.length)).toEqual(seed.events);
    expect(combined.linkEvents?.slice(0, seed.linkEvents?.length)).toEqual(seed.linkEvents);
    expect(combined.suppressed).toEqual(expect.arrayContaining(seed.suppressed));
    expect(combined.defaultTeam).toBe(seed.defaultTeam);
    expect(combined.users).toHaveLength(seed.users.length + defaultOrganisationSize);
    expect(withDemoOrganisation(demoSeed, 0)).toBe(demoSeed);
  });

  let clock = now;
  const organised = createMemoryBackend(withDemoOrganisation(demoSeed), () => clock);

  it('leaves every seeded person\'s domain peers as they were', async () => {
    const alone = createMemoryBackend(demoSeed, () => now);
    for (const domain of seededDomains) {
      const before = await alone.listInvitations({ domain, limit: 200 });
      const after = await organised.listInvitations({ domain, limit: 200 });
      expect(after.ok && after.value.invitations.map((user) => user.id), domain).toEqual(before.ok && before.value.invitations.map((user) => user.id));
    }
  });

  it('resends as the story says: a strict filter bounces again, a typo domain has no MX, an expired invitation arrives', async () => {
    const backend = organised;
    const users = org.users;
    const strict = users.find((user) => org.mail.blockingDomains.includes(domainOf(user.email)))!;
    const typo = users.find((user) => outcome(user)?.enhancedCode === '5.1.2')!;
    const expired = users.find((user) => isExpired(user) && outcome(user)?.kind === 'delivered')!;
    const full = users.find((user) => outcome(user)?.enhancedCode === '4.2.2')!;
    clock += 60 * 60_000;
    for (const [user, code] of [[strict, '5.7.1'], [typo, '5.1.2'], [expired, '2.0.0'], [full, '4.2.2']] as const) {
      expect((await backend.resendInvite(user.id)).ok, user.email).toBe(true);
      const log = await backend.deliveryEvents(user.email);
      expect(log.ok && log.value.at(-1)?.enhancedCode, user.email).toBe(code);
    }
  });
});

describe('addressKey', () => {
  it('spells plain addresses as normalizeAddress does, quickly, and still normalises the rest', () => {
    for (const input of ['Ana.Silva@Northwind-Traders.EXAMPLE', ' bo@x.test ', 'no-at-sign', 'a..b@x.test', 'a@-bad-.test', 'x@xn--bcher-kva.example']) {
      const normalized = normalizeAddress(input);
      expect(addressKey(input), input).toBe(normalized.ok ? normalized.address : input.trim().toLowerCase());
    }
    expect(addressKey('Zoë@Bücher.example')).toBe('zoë@xn--bcher-kva.example');
    expect(addressKey('ana\u200b@x.test')).toBe('ana\u200b@x.test');
  });
});
