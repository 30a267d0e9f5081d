import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrganisation, demoSeed } from '../../../src/adapters/index.ts';
import { createInviteDoctorServer, type InviteDoctorServer } from '../../../server/createInviteDoctorServer.ts';
import { serverPrincipal } from '../../../server/service/Principal.ts';
import type { Store } from '../../../server/store/openDatabase.ts';
import { openTestStore, testEpoch, testLinkOrigin, testSecret } from '../../support/startTestServer.ts';

const size = 300;
const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);
let store: Store;
let server: InviteDoctorServer;
let now = testEpoch;
let seedMs = 0;

// A fresh database seeded with the demo and a generated organisation, as `npm run server` does with the demo mail world (the simulated transport here).
beforeAll(async () => {
  store = await openTestStore();
  const started = performance.now();
  server = await createInviteDoctorServer({ store, secret: testSecret, publicUrl: testLinkOrigin, seedDemo: true, demoOrganisation: size, clock: () => now });
  seedMs = performance.now() - started;
}, 60_000);
afterAll(async () => {
  await server.app.close();
  await store.close();
});

const generated = () => demoOrganisation(testEpoch, server.service.policy, size);

describe('the server demo with a generated organisation', () => {
  it('holds the seeded people and the generated ones, each once, seeded in a few seconds', async () => {
    const count = await store.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(demoSeed(testEpoch, server.service.policy).users.length + size);
    const ana = await server.backend.findUser(serverPrincipal, 'ana.invited@example.com');
    expect(ana.ok && ana.value?.id).toBe('usr_ana');
    expect(seedMs).toBeLessThan(20_000);
  });

  it("stores each generated person's simulated history and link events", async () => {
    const org = generated();
    const strict = org.users.find((user) => org.mail.blockingDomains.includes(domainOf(user.email)))!;
    const log = await server.backend.deliveryEvents(serverPrincipal, strict.email);
    expect(log.ok && log.value.map((event) => event.enhancedCode ?? event.kind)).toEqual(['sent', '5.7.1']);
    const scanned = org.linkEvents!.find((event) => event.automated)!;
    const links = await server.backend.linkEvents(serverPrincipal, scanned.email);
    expect(links.ok && links.value.some((event) => event.automated && event.refusal === 'used')).toBe(true);
  });

  it('sends a resend as the story says: refused again by a strict filter, delivered after expiry', async () => {
    const org = generated();
    const strict = org.users.find((user) => org.mail.blockingDomains.includes(domainOf(user.email)) && user.status === 'invited')!;
    const expired = org.users.find((user) => user.status === 'invited' && user.expiresAt !== null && Date.parse(user.expiresAt) < testEpoch && org.mail.noMxDomains.every((domain) => domain !== domainOf(user.email)) && !org.mail.blockingDomains.includes(domainOf(user.email)) && !org.mail.deferringDomains.includes(domainOf(user.email)) && !org.mail.unknownMailboxes.includes(user.email) && !org.suppressed.includes(user.email) && !org.mail.fullMailboxes?.includes(user.email))!;
    now += 60 * 60_000;
    for (const [user, code] of [[strict, '5.7.1'], [expired, '2.0.0']] as const) {
      const resent = await server.backend.resendInvite({ principal: serverPrincipal, requestId: 'test' }, user.id);
      expect(resent.ok, user.email).toBe(true);
      const log = await server.backend.deliveryEvents(serverPrincipal, user.email);
      expect(log.ok && log.value.at(-1)?.enhancedCode, user.email).toBe(code);
    }
  });
});
