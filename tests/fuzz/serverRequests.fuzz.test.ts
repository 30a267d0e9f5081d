import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/auth/apiKeys.ts';
import { createInviteDoctorServer, type InviteDoctorServer } from '../../server/createInviteDoctorServer.ts';
import { resetDemoOrganisation } from '../../server/store/seedDemoOrganisation.ts';
import { openTestStore, testEpoch, testLinkOrigin, testSecret } from '../support/startTestServer.ts';

/**
 * Random requests (bodies, content types, queries, methods, paths under /v1) through the whole app
 * with an admin key, in process (`app.inject`, no sockets): the server never answers 5xx, and every
 * refusal is `{ error: { kind, message } }`. A fixed seed, so a failure reproduces.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = 20_250_310;

let server: InviteDoctorServer;
let adminKey = '';
beforeAll(async () => {
  const store = await openTestStore();
  server = await createInviteDoctorServer({ store, secret: testSecret, publicUrl: testLinkOrigin, seedDemo: false, clock: () => testEpoch });
  await resetDemoOrganisation(store.db, { now: new Date(testEpoch), policy: server.service.policy, links: server.service.links });
  adminKey = (await createApiKey(store.db, { role: { kind: 'admin' }, label: 'fuzz', now: new Date(testEpoch) })).key;
  await server.app.ready();
}, 60_000);
afterAll(async () => {
  await server.app.close();
  await server.store.close();
});

const nasty = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '\u0000', '\u200b', '%', '_', '\\', '..', '@', '@@', 'ana.invited@example.com', 'usr_ana', 'usr_mo', '9223372036854775808', '-1', '1e309', 'NaN', '', ' ', '\ud800', '😀', 'ß', 'İ', 'xn--bcher-kva', Buffer.from(JSON.stringify(['a\u0000', 'usr_ana'])).toString('base64url'), Buffer.from('[1,2]').toString('base64url'));
const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }) },
  { weight: 3, arbitrary: nasty },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), nasty, fc.string({ maxLength: 8 })).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.stringMatching(/^[1-9][0-9]{0,19}$/) },
  { weight: 1, arbitrary: fc.date({ min: new Date(-62_000_000_000_000), max: new Date(253_402_300_799_000), noInvalidDate: true }).map((date) => date.toISOString()) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5_000 }).map((length) => 'a'.repeat(length)) },
);

const jsonBody = fc.oneof(
  { weight: 3, arbitrary: fc.record({ email: fc.oneof(text, fc.jsonValue({ maxDepth: 2 })), team: fc.option(fc.oneof(text, fc.jsonValue({ maxDepth: 1 })), { nil: undefined }), code: fc.option(text, { nil: undefined }) }, { requiredKeys: [] }).map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('__proto__', 'constructor'), fc.jsonValue({ maxDepth: 2 }), text).map(([key, value, email]) => `{"email":${JSON.stringify(email)},"${key}":${key === 'constructor' ? `{"prototype":${JSON.stringify(value) ?? 'null'}}` : JSON.stringify(value) ?? 'null'}}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 60_000, max: 70_000 }).map((length) => JSON.stringify({ email: `${'x'.repeat(length)}@example.com` })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
);

const body = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 6, arbitrary: jsonBody },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)) },
);

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  { weight: 3, arbitrary: fc.constantFrom(undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'APPLICATION/JSON', 'application/json;', 'application/vnd.api+json', '*/*', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

/** Percent-encodes any string, lone surrogates included (as their UTF-8 replacement), byte by byte. */
function encode(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((byte) => (/[A-Za-z0-9._~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}
function decodeURIComponentOr(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
/** Broken escapes a client may send as they are. */
const rawEscape = fc.constantFrom('%', '%Z1', '%E0%A4%A', '%C0%AE', '%FF', '%00', '%2F', '%25', '+');

const queryKey = fc.oneof(fc.constantFrom('email', 'limit', 'cursor', 'status', 'domain', 'q', 'since', 'until', 'target', '__proto__', 'constructor', 'email[]', 'limit[0]'), fc.string({ maxLength: 8 }));
const query = fc.array(fc.tuple(queryKey, fc.oneof({ weight: 6, arbitrary: text }, { weight: 1, arbitrary: rawEscape.map((escape) => decodeURIComponentOr(escape)) })), { maxLength: 4 }).map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&')}`));

const segment = fc.oneof({ weight: 5, arbitrary: text.map(encode) }, { weight: 1, arbitrary: fc.tuple(rawEscape, text.map(encode)).map((parts) => parts.join('')) });
const path = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('/v1/users', '/v1/invitations', '/v1/delivery-events', '/v1/sending-status', '/v1/link-events', '/v1/audit', '/v1/me', '/v1/capabilities', '/v1/sign-in', '/health') },
  // Actions cost a transaction each (with its audit row): fewer of them keeps the run short.
  { weight: 3, arbitrary: fc.tuple(segment, fc.constantFrom('resend', 'invite-link', 'password-reset', 'cancel')).map(([id, action]) => `/v1/users/${id}/${action}`) },
  { weight: 2, arbitrary: segment.map((email) => `/v1/suppressions/${email}/clear`) },
  { weight: 2, arbitrary: fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => `/v1/${segments.join('/')}`) },
  { weight: 1, arbitrary: fc.constantFrom('/v1/users/', '/v1//users', '/v1/users/%2e%2e/audit', '/v1/users/usr_ana/resend/', '/v1/%00', '/v1/users/usr_ana/%2e%2e%2f%2e%2e%2faudit') },
);

const method = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('GET', 'POST') }, { weight: 1, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS') });

describe('random requests', () => {
  it(`never answer 5xx, and every refusal is { error: { kind, message } } (${runs} requests)`, async () => {
    const started = Date.now();
    const statuses = new Map<number, number>();
    let injectMs = 0;
    await fc.assert(
      fc.asyncProperty(method, path, query, body, contentType, async (verb, route, search, payload, type) => {
        const headers: Record<string, string> = { authorization: `Bearer ${adminKey}` };
        if (type !== undefined) headers['content-type'] = type;
        const before = performance.now();
        const response = await server.app.inject({ method: verb as 'GET', url: `${route}${search}`, headers, ...(payload === undefined ? {} : { payload }) });
        injectMs += performance.now() - before;
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        // The one 5xx by design: link events are not recorded yet, so a valid GET of them is 501 unsupported.
        const unsupported = verb === 'GET' && route === '/v1/link-events' && response.statusCode === 501 && (JSON.parse(response.body) as { error?: { kind?: unknown } }).error?.kind === 'unsupported';
        if (!unsupported) expect(response.statusCode, `${verb} ${route}${search} → ${response.body.slice(0, 300)}`).toBeLessThan(500);
        expect(response.headers['x-request-id']).toBeTypeOf('string');
        // HEAD has no body; @fastify/cors answers an OPTIONS that is no preflight (no Origin) in text/plain.
        if (response.statusCode >= 300 && verb !== 'HEAD' && verb !== 'OPTIONS') {
          const parsed = JSON.parse(response.body) as { error?: { kind?: unknown; message?: unknown } };
          expect(parsed.error?.kind, response.body).toBeTypeOf('string');
          expect(parsed.error?.message, response.body).toBeTypeOf('string');
        }
      }),
      { numRuns: runs, seed },
    );
    console.log(`fuzz: ${runs} requests in ${Date.now() - started} ms (${Math.round(injectMs)} ms in the app); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  }, 180_000);
});
