import { describe, expect, it } from 'vitest';
import { fetchCapabilities } from '../../../src/adapters/index.ts';
import { allCapabilities } from '../../../src/engine/InvitationBackend.ts';
import { createInviteDoctorServer } from '../../../server/createInviteDoctorServer.ts';
import { startTestServer, testSecret } from '../../support/startTestServer.ts';
import { withFileTestServer } from '../../support/withFileTestServer.ts';

describe('the server app', () => {
  const file = withFileTestServer();
  const admin = () => ({ authorization: `Bearer ${file.server.keys.admin}` });

  it('publishes every capability of the contract, link events included', async () => {
    const capabilities = await fetchCapabilities({ baseUrl: file.server.url, token: file.server.keys.admin });
    expect(capabilities.ok && [...capabilities.value].sort()).toEqual([...allCapabilities].sort());
  });

  it('answers health without a key, and nothing else', async () => {
    expect(await (await fetch(`${file.server.url}/health`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${file.server.url}/v1/capabilities`)).status).toBe(401);
  });

  it('names the endpoint it does not know, and the wrong method', async () => {
    const missing = await fetch(`${file.server.url}/v1/nothing`, { headers: admin() });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { kind: 'not_found', message: 'No such endpoint: GET /v1/nothing.' } });
    expect((await fetch(`${file.server.url}/v1/users/usr_ana/resend`, { headers: admin() })).status).toBe(404);
  });

  it('marks every answer, invite links included, as not cacheable', async () => {
    const response = await fetch(`${file.server.url}/v1/users/usr_ana/invite-link`, { method: 'POST', headers: admin() });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('tells who is signed in', async () => {
    expect(await (await fetch(`${file.server.url}/v1/me`, { headers: { authorization: `Bearer ${file.server.keys.managerA}` } })).json()).toMatchObject({
      keyId: expect.stringMatching(/^key_/),
      role: { kind: 'team-manager', team: 'a' },
      label: 'test',
      expiresAt: null,
    });
  });

  it('limits the actions one key may take in a minute, whatever they are, and not its reads', async () => {
    const limited = await startTestServer({ store: file.store, limits: { actionsPerKeyPerMinute: 2 } });
    try {
      const post = (path: string) => fetch(`${limited.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${limited.keys.admin}` } });
      expect((await post('/v1/users/usr_lee/invite-link')).status).toBe(200);
      expect((await post('/v1/users/usr_ana/invite-link')).status).toBe(200);
      const refused = await post('/v1/users/usr_jo/invite-link');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await fetch(`${limited.url}/v1/users?email=jo.sso@example.com`, { headers: { authorization: `Bearer ${limited.keys.admin}` } })).status).toBe(200);
      expect((await post('/v1/users/usr_jo/invite-link').then(() => fetch(`${limited.url}/v1/users/usr_jo/invite-link`, { method: 'POST', headers: { authorization: `Bearer ${limited.keys.managerA}` } }))).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('allows only configured origins through CORS, preflight included', async () => {
    const cors = await createInviteDoctorServer({ store: file.store, secret: testSecret, publicUrl: 'http://127.0.0.1', seedDemo: false, allowedOrigins: ['http://localhost:5173'] });
    try {
      const preflight = await cors.app.inject({ method: 'OPTIONS', url: '/v1/users/usr_ana/resend', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' } });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173');
      expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/Authorization/);
      const other = await cors.app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.example' } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await cors.app.close();
    }
  });
});
