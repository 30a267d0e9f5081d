import { describe, expect, it, vi } from 'vitest';
import { createApiKey, revokeApiKey } from '../../../server/auth/apiKeys.ts';
import { createSignInCode } from '../../../server/auth/signInCodes.ts';
import { webhookRoutePaths } from '../../../server/http/routes/webhookRoutes.ts';
import { withFileTestServer } from '../../support/withFileTestServer.ts';
import { call, declaredRoutes, errorOf, rawExchange, rawStatus, uuidPattern } from './securityHelpers.ts';

// Every Fastify app built in this file reports its routes, so a new route is tested the day it appears.
vi.mock('fastify', async (importOriginal) => (await import('./securityHelpers.ts')).withRouteCollector(await importOriginal<typeof import('fastify')>()));

const hour = 3_600_000;
// The invitee's pages and the demo inbox need no key (tested in tests/unit/server/invitePages), nor do
// the provider webhooks (they check the provider's signature instead; tested in tests/unit/server/webhooks).
const publicRoutes = new Set(['GET /health', 'POST /v1/sign-in', 'GET /invite/:token', 'POST /invite/:token', 'POST /invite/:token/fresh', 'GET /demo/inbox', ...webhookRoutePaths.map((path) => `POST ${path}`)]);

const file = withFileTestServer({ resetEachTest: false });

/** A concrete path for a route: parameters filled with something that exists. */
function concretePath(url: string): string {
  return url.replace(':userId', 'usr_ana').replace(':email', encodeURIComponent('hana.suppressed@example.com')).replace(/:[A-Za-z]+/g, 'x');
}

function protectedRoutes() {
  const routes = declaredRoutes().filter((route) => !publicRoutes.has(`${route.method} ${route.url}`));
  return routes.map((route) => ({ ...route, path: concretePath(route.url) }));
}

async function expectRefused(authorization: string | undefined) {
  for (const route of protectedRoutes()) {
    const answer = await call(file.server.url, route.method, route.path, {
      ...(route.method === 'POST' ? { body: { email: 'new.person@example.com' } } : {}),
      ...(authorization === undefined ? {} : { headers: { authorization } }),
    });
    expect(answer.status, `${route.method} ${route.path} with ${JSON.stringify(authorization?.slice(0, 40))}`).toBe(401);
    expect(errorOf(answer).kind).toBe('not_permitted');
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    expect(answer.headers.get('x-request-id')).toMatch(uuidPattern);
  }
}

describe('deny by default', () => {
  it('finds every route of the app, and only health, sign-in, the invite pages, the demo inbox and the webhooks are public', () => {
    const all = declaredRoutes().map((route) => `${route.method} ${route.url}`);
    expect(all.length).toBeGreaterThan(10);
    for (const route of publicRoutes) expect(all).toContain(route);
    expect(protectedRoutes().length).toBe(all.length - publicRoutes.size);
  });

  it('answers 401 on every other route without an Authorization header', async () => {
    await expectRefused(undefined);
  });

  it('answers 401 for an unknown key, with or without the key prefix', async () => {
    await expectRefused('Bearer idk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await expectRefused('Bearer not-a-key-at-all');
  });

  it('answers 401 for malformed Authorization headers: "Bearer", Basic, two spaces, a 10 KB token', async () => {
    await expectRefused('Bearer');
    await expectRefused('Bearer ');
    await expectRefused('Basic YWRtaW46YWRtaW4=');
    await expectRefused(`Basic ${file.server.keys.admin}`);
    await expectRefused(`Bearer  ${file.server.keys.admin}`);
    await expectRefused(`${file.server.keys.admin}`);
    await expectRefused(`Bearer ${file.server.keys.admin} extra`);
    await expectRefused(`Bearer idk_${'A'.repeat(10 * 1024)}`);
  });

  it('refuses bearer tokens named after inherited properties (__proto__, constructor, toString, hasOwnProperty, prototype) with 401', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', 'valueOf', 'idk___proto__', 'idk_constructor']) {
      await expectRefused(`Bearer ${name}`);
    }
  });

  it('answers 401 for a revoked key, at once', async () => {
    const created = await createApiKey(file.store.db, { role: { kind: 'admin' }, label: 'to revoke', now: new Date(file.server.now()) });
    expect((await call(file.server.url, 'GET', '/v1/me', { key: created.key })).status).toBe(200);
    expect(await revokeApiKey(file.store.db, created.id, new Date(file.server.now()))).toBe(true);
    await expectRefused(`Bearer ${created.key}`);
  });

  it('answers 401 for an expired key, from the moment it expires', async () => {
    const created = await createApiKey(file.store.db, { role: { kind: 'admin' }, label: 'short', now: new Date(file.server.now()), expiresAt: new Date(file.server.now() + hour) });
    expect((await call(file.server.url, 'GET', '/v1/me', { key: created.key })).status).toBe(200);
    file.server.advance(hour);
    await expectRefused(`Bearer ${created.key}`);
  });

  it('answers an unknown endpoint 401 without a key (no map of the API) and 404 with one', async () => {
    const without = await call(file.server.url, 'GET', '/v1/secret-admin-panel');
    expect(without.status).toBe(401);
    const withKey = await call(file.server.url, 'GET', '/v1/secret-admin-panel', { key: file.server.keys.admin });
    expect(withKey.status).toBe(404);
    expect(errorOf(withKey).kind).toBe('not_found');
  });

  it('serves health and sign-in without a key', async () => {
    expect((await call(file.server.url, 'GET', '/health')).status).toBe(200);
    const signIn = await call(file.server.url, 'POST', '/v1/sign-in', { body: { code: 'nope' } });
    expect(signIn.status).toBe(401);
    expect(signIn.text).not.toContain('Authorization header');
  });
});

describe('sign-in', () => {
  it('exchanges a code once: the second use is 401', async () => {
    const code = await createSignInCode(file.store.db, { kind: 'admin' }, new Date(file.server.now()));
    const first = await call(file.server.url, 'POST', '/v1/sign-in', { body: { code } });
    expect(first.status).toBe(200);
    const second = await call(file.server.url, 'POST', '/v1/sign-in', { body: { code } });
    expect(second.status).toBe(401);
    expect(errorOf(second).kind).toBe('not_permitted');
  });

  it('refuses a code used after its 4 hours with 401', async () => {
    const code = await createSignInCode(file.store.db, { kind: 'team-manager', team: 'a' }, new Date(file.server.now()));
    file.server.advance(4 * hour + 1);
    expect((await call(file.server.url, 'POST', '/v1/sign-in', { body: { code } })).status).toBe(401);
  });

  it('yields a key that works for GET /v1/me and expires after 12 hours', async () => {
    const code = await createSignInCode(file.store.db, { kind: 'team-manager', team: 'a' }, new Date(file.server.now()));
    const signedIn = await call(file.server.url, 'POST', '/v1/sign-in', { body: { code } });
    const { key, expiresAt } = signedIn.json as { key: string; expiresAt: string };
    expect(Date.parse(expiresAt)).toBe(file.server.now() + 12 * hour);
    const me = await call(file.server.url, 'GET', '/v1/me', { key });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ role: { kind: 'team-manager', team: 'a' }, expiresAt });
    expect(me.text).not.toContain(key);
    file.server.advance(12 * hour - 1);
    expect((await call(file.server.url, 'GET', '/v1/me', { key })).status).toBe(200);
    file.server.advance(1);
    expect((await call(file.server.url, 'GET', '/v1/me', { key })).status).toBe(401);
  });
});

describe('request ids', () => {
  it('gives every answer (200, 401, 404, 413, 415) its own X-Request-Id, a UUID', async () => {
    const answers = [
      await call(file.server.url, 'GET', '/health'),
      await call(file.server.url, 'GET', '/health'),
      await call(file.server.url, 'GET', '/v1/me'),
      await call(file.server.url, 'GET', '/v1/nothing-here', { key: file.server.keys.admin }),
      await call(file.server.url, 'POST', '/v1/invitations', { key: file.server.keys.admin, body: { email: 'x'.repeat(70 * 1024) } }),
      await call(file.server.url, 'POST', '/v1/invitations', { key: file.server.keys.admin, body: 'email=a@b.example', contentType: 'text/plain' }),
      await call(file.server.url, 'GET', '/v1/me', { headers: { 'x-request-id': 'chosen-by-the-client' } }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 401, 404, 413, 415, 401]);
    const ids = answers.map((answer) => answer.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(uuidPattern);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives a 413 refused on its Content-Length alone a request id too', async () => {
    const exchange = await rawExchange(file.server.url, [`POST /v1/invitations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${file.server.keys.admin}\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n`], { waitMs: 2000 });
    expect(rawStatus(exchange.response)).toBe(413);
    expect(/\r\nx-request-id: ([0-9a-f-]+)\r\n/i.exec(exchange.response)?.[1]).toMatch(uuidPattern);
  });
});
