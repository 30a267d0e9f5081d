import { afterEach, describe, expect, it } from 'vitest';
import { createHttpBackend, createMemoryBackend, demoSeed, fetchCapabilities } from '../../../src/adapters/index.ts';
import { createReferenceServer, type ReferenceServer, type ReferenceServerOptions } from '../../../server/createReferenceServer.ts';

const servers: ReferenceServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options: ReferenceServerOptions = {}) {
  const now = Date.parse('2025-03-10T09:00:00.000Z');
  const server = await createReferenceServer({ backend: createMemoryBackend(demoSeed, () => now), port: 0, ...options });
  servers.push(server);
  return server;
}

const admin = { authorization: 'Bearer demo-admin' };

describe('createReferenceServer', () => {
  it('refuses a missing or unknown bearer token with 401', async () => {
    const server = await start();
    for (const headers of [{}, { authorization: 'Bearer guess' }] as Record<string, string>[]) {
      const response = await fetch(`${server.url}/v1/users?email=ana.invited@example.com`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await response.json()).toMatchObject({ error: { kind: 'not_permitted' } });
    }
  });

  it('allows configured origins through CORS, preflight included', async () => {
    const server = await start({ allowedOrigins: ['http://localhost:5173'] });
    const preflight = await fetch(`${server.url}/v1/users/usr_ana/resend`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const other = await fetch(`${server.url}/v1/capabilities`, { headers: { ...admin, origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 400 for an invitation without a valid address, 404 and 405 for wrong routes', async () => {
    const server = await start();
    const invalid = await fetch(`${server.url}/v1/invitations`, { method: 'POST', headers: admin, body: '{"email":"nope"}' });
    expect(invalid.status).toBe(400);
    expect((await fetch(`${server.url}/v1/nothing`, { headers: admin })).status).toBe(404);
    const wrongMethod = await fetch(`${server.url}/v1/users/usr_ana/resend`, { headers: admin });
    expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'POST']);
  });

  it('marks every answer, invite links included, as not cacheable', async () => {
    const server = await start();
    const response = await fetch(`${server.url}/v1/users/usr_ana/invite-link`, { method: 'POST', headers: admin });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('hides the test endpoints unless faults are enabled', async () => {
    const server = await start();
    expect((await fetch(`${server.url}/__reset`, { method: 'POST' })).status).toBe(404);
  });

  it('injects faults over HTTP that the http adapter sees as typed errors', async () => {
    const server = await start({ faults: true });
    const post = (path: string, body: unknown) => fetch(`${server.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post('/__faults', { operation: 'resendInvite', error: { kind: 'rate_limited', retryAfterMs: 5_000 } })).status).toBe(200);
    expect((await post('/__faults', { operation: '*', error: { kind: 'unavailable', cause: 'server', status: 502 }, times: 3 })).status).toBe(200);
    expect((await post('/__faults', { operation: 'nope', error: { kind: 'conflict' } })).status).toBe(400);
    const backend = createHttpBackend({ baseUrl: server.url, token: 'demo-admin', retry: { baseDelayMs: 1 } });
    expect(await backend.resendInvite('usr_ana')).toMatchObject({ error: { kind: 'rate_limited', retryAfterMs: 5_000 } });
    expect(await backend.findUser('ana.invited@example.com')).toMatchObject({ error: { kind: 'unavailable', cause: 'server', status: 502 } });
    expect(await backend.findUser('ana.invited@example.com')).toMatchObject({ ok: true, value: { id: 'usr_ana' } });
  });

  it('re-seeds on POST /__reset', async () => {
    const server = await start({ faults: true });
    const backend = createHttpBackend({ baseUrl: server.url, token: 'demo-admin' });
    await backend.cancelInvite('usr_ana');
    expect(await backend.findUser('ana.invited@example.com')).toEqual({ ok: true, value: null });
    await fetch(`${server.url}/__reset`, { method: 'POST' });
    expect(await backend.findUser('ana.invited@example.com')).toMatchObject({ ok: true, value: { id: 'usr_ana' } });
  });

  it('publishes the backend capabilities and answers 501 outside them', async () => {
    const backend = createMemoryBackend(demoSeed, Date.now, { capabilities: ['lookup', 'resend'] });
    const server = await start({ backend });
    const capabilities = await fetchCapabilities({ baseUrl: server.url, token: 'demo-admin' });
    expect(capabilities.ok && [...capabilities.value]).toEqual(['lookup', 'resend']);
    const http = createHttpBackend({ baseUrl: server.url, token: 'demo-admin' });
    expect(await http.cancelInvite('usr_ana')).toMatchObject({ error: { kind: 'unsupported' } });
  });
});
