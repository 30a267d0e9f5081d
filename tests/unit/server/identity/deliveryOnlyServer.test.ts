import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpBackend, fetchBackendFacts } from '../../../../src/adapters/index.ts';
import type { InvitationBackend } from '../../../../src/engine/index.ts';
import { loadIdentityConfig } from '../../../../server/config/loadIdentityConfig.ts';
import { openTestStore, startTestServer, type TestServer } from '../../../support/startTestServer.ts';
import { createPostmarkFake } from '../delivery/fakes/createPostmarkFake.ts';

/**
 * `DELIVERY=postmark` without `IDENTITY`: the server's own tables (the demo organisation) with the
 * email provider's evidence merged into the delivery log and its suppression cleared with ours.
 */
const token = 'postmark-server-token-0123456789';
const postmark = createPostmarkFake(token);
const msw = setupServer(...postmark.handlers);
const postmarkTime = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString().replace('Z', '0000-00:00');

let server: TestServer;
let admin: InvitationBackend;
let managerB: InvitationBackend;

async function backendFor(key: string): Promise<InvitationBackend> {
  const options = { baseUrl: server.url, token: key };
  const facts = await fetchBackendFacts(options);
  if (!facts.ok) throw new Error(JSON.stringify(facts.error));
  return createHttpBackend({ ...options, capabilities: [...facts.value.capabilities], ...(facts.value.description ? { description: facts.value.description } : {}) });
}

beforeAll(async () => {
  msw.listen({ onUnhandledRequest: 'bypass' });
  const identity = await loadIdentityConfig({ DELIVERY: 'postmark', POSTMARK_SERVER_TOKEN: token });
  server = await startTestServer({ store: await openTestStore(), identity, startAt: Date.now() });
  [admin, managerB] = await Promise.all([backendFor(server.keys.admin), backendFor(server.keys.managerB)]);
}, 60_000);

afterAll(async () => {
  await server?.close({ closeStore: true });
  msw.close();
});

describe('the own tables with an email provider’s evidence', () => {
  it('says where evidence comes from', () => {
    expect(admin.describe?.()).toMatchObject({ identity: 'invite-doctor', deliveryEvidence: ['invite-doctor', 'postmark'] });
  });

  it("merges the provider's bounce into the log, oldest first, and hides it from another team's manager", async () => {
    const email = 'ana.invited@example.com';
    postmark.addBounce(email, 'HardBounce', 1, 'smtp;550 5.1.1 mailbox unavailable', postmarkTime(1), true);
    const events = await admin.deliveryEvents(email);
    if (!events.ok) throw new Error(JSON.stringify(events.error));
    expect(events.value.some((event) => event.source === 'postmark' && event.kind === 'bounced')).toBe(true);
    expect(events.value.some((event) => event.source !== 'postmark')).toBe(true);
    const times = events.value.map((event) => Date.parse(event.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(await managerB.deliveryEvents(email)).toEqual({ ok: true, value: [] });
  });

  it("gives many addresses' evidence at once, the provider's merged in as the log has it, none of it to another team's manager", async () => {
    const email = 'finn@exampel.com';
    postmark.addBounce(email, 'HardBounce', 1, 'smtp;550 5.1.1 mailbox unavailable', postmarkTime(3), true);
    const log = await admin.deliveryEvents(email);
    const links = await admin.linkEvents!(email);
    if (!log.ok || !links.ok) throw new Error('the per-address reads failed');
    expect(log.value.some((event) => event.source === 'postmark')).toBe(true);
    expect(await admin.invitationEvidence!([email, 'nobody@example.com'])).toEqual({
      ok: true,
      value: [
        { email, deliveryEvents: log.value, linkEvents: links.value },
        { email: 'nobody@example.com', deliveryEvents: [], linkEvents: [] },
      ],
    });
    expect(await managerB.invitationEvidence!([email])).toEqual({ ok: true, value: [{ email, deliveryEvents: [], linkEvents: [] }] });
  });

  it("clears the provider's suppression along with ours", async () => {
    const email = 'gus.nomailbox@example.com';
    postmark.addBounce(email, 'HardBounce', 1, 'smtp;550 5.1.1 mailbox unavailable', postmarkTime(2), true);
    postmark.addSuppression('outbound', email, 'HardBounce', postmarkTime(2));
    const before = await admin.deliveryEvents(email);
    expect(before.ok && before.value.some((event) => event.source === 'postmark' && event.kind === 'suppressed')).toBe(true);
    expect((await admin.clearSuppression!(email)).ok).toBe(true);
    const after = await admin.deliveryEvents(email);
    expect(after.ok && after.value.some((event) => event.source === 'postmark' && event.kind === 'suppressed')).toBe(false);
  });
});
