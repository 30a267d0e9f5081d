import { describe, expect, it } from 'vitest';
import { createHttpBackend, fetchCapabilities } from '../../../src/adapters/index.ts';
import { defaultPolicy } from '../../../src/engine/Policy.ts';
import type { DeliveryEventsTable } from '../../../server/store/Database.ts';
import { testLinkOrigin } from '../../support/startTestServer.ts';
import { withFileTestServer } from '../../support/withFileTestServer.ts';

const minute = 60_000;
const hour = 60 * minute;

describe('the server: sending status and link events', () => {
  const file = withFileTestServer({ resetEachTest: true });
  const get = (path: string, key: string | null = file.server.keys.admin) => fetch(`${file.server.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  const logEvent = (email: string, agoMs: number, kind: DeliveryEventsTable['kind'], reason: DeliveryEventsTable['reason'] = null) =>
    file.store.db
      .insertInto('deliveryEvents')
      .values({ email, at: new Date(file.server.now() - agoMs), kind, reason, smtpCode: null, enhancedCode: null, text: kind === 'not_sent' ? '535 5.7.8 Authentication credentials invalid' : null, purpose: 'invitation' })
      .execute();
  const backend = async (key = file.server.keys.admin) => {
    const capabilities = await fetchCapabilities({ baseUrl: file.server.url, token: key });
    return createHttpBackend({ baseUrl: file.server.url, token: key, ...(capabilities.ok ? { capabilities: [...capabilities.value] } : {}) });
  };

  it('reports the demo transport, the policy sender and the links origin, with no problem', async () => {
    expect(await (await backend()).sendingStatus?.()).toEqual({
      ok: true,
      value: { configured: true, provider: 'Demo mail (no real mail leaves)', from: defaultPolicy.senderAddress, linkOrigin: testLinkOrigin, problem: null },
    });
  });

  it('answers a team manager too: the status names no address', async () => {
    expect(await (await backend(file.server.keys.managerA)).sendingStatus?.()).toMatchObject({ ok: true, value: { configured: true } });
  });

  it('needs a key like every other route', async () => {
    expect((await get('/v1/sending-status', null)).status).toBe(401);
    expect((await get('/v1/link-events?email=ana.invited%40example.com', null)).status).toBe(401);
  });

  it('names the latest send-time refusal of the last day as the problem', async () => {
    // The seed's latest mail left three minutes ago.
    await logEvent('ana.invited@example.com', 2 * minute, 'not_sent', 'connection_refused');
    await logEvent('cara.expired@example.com', 1 * minute, 'not_sent', 'auth_refused');
    expect(await (await get('/v1/sending-status')).json()).toMatchObject({ problem: 'auth_refused' });
  });

  it('forgets a refusal once a mail has left after it, or when it is older than a day', async () => {
    await logEvent('ana.invited@example.com', 2 * minute, 'not_sent', 'auth_refused');
    await logEvent('cara.expired@example.com', 1 * minute, 'sent');
    expect(await (await get('/v1/sending-status')).json()).toMatchObject({ problem: null });
    await file.server.reset();
    await logEvent('ana.invited@example.com', 25 * hour, 'not_sent', 'auth_refused');
    expect(await (await get('/v1/sending-status')).json()).toMatchObject({ problem: null });
  });

  it('returns the reason of a not_sent delivery event', async () => {
    await logEvent('ana.invited@example.com', 0, 'not_sent', 'sandbox_recipient');
    const events = await (await backend()).deliveryEvents('ana.invited@example.com');
    expect(events.ok && events.value.at(-1)).toMatchObject({ kind: 'not_sent', reason: 'sandbox_recipient', text: expect.any(String) });
    expect(events.ok && events.value.slice(0, -1).every((event) => !('reason' in event))).toBe(true);
  });

  it('refuses to store a reason outside the contract', async () => {
    await expect(logEvent('ana.invited@example.com', 0, 'not_sent', 'cosmic_rays' as DeliveryEventsTable['reason'])).rejects.toThrow(/check constraint/);
  });

  it('answers link events (an empty list for links nobody opened), a bad address 400, and offers linkEvents', async () => {
    const answer = await get('/v1/link-events?email=ana.invited%40example.com');
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ events: [] });
    expect((await get('/v1/link-events?email=not-an-address')).status).toBe(400);
    expect((await backend()).linkEvents).toBeTypeOf('function');
  });
});
