import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../support/startTestServer.ts';
import { withFileTestServer } from '../../support/withFileTestServer.ts';
import { call, errorOf, rawExchange, rawStatus, uuidPattern } from './securityHelpers.ts';

const file = withFileTestServer({ resetEachTest: true });

const invite = (body: unknown, contentType?: string) => call(file.server.url, 'POST', '/v1/invitations', { key: file.server.keys.admin, body, ...(contentType ? { contentType } : {}) });

async function expectInvalid(answer: Awaited<ReturnType<typeof call>>, message: RegExp) {
  expect(answer.status, answer.text).toBe(400);
  const error = errorOf(answer);
  expect(error.kind).toBe('invalid_request');
  expect(error.message).toMatch(message);
}

describe('request bodies', () => {
  it('answers 413 for a body over 64 KiB, and does not leave the connection hanging', async () => {
    const answer = await invite({ email: 'a@example.com', padding: 'x'.repeat(64 * 1024) });
    expect(answer.status).toBe(413);
    expect(errorOf(answer).kind).toBe('payload_too_large');

    const head = `POST /v1/invitations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${file.server.keys.admin}\r\nContent-Type: application/json\r\n`;
    // The whole oversized body sent.
    const body = JSON.stringify({ email: 'a@example.com', padding: 'y'.repeat(100 * 1024) });
    const sent = await rawExchange(file.server.url, [`${head}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`], { waitMs: 5_000 });
    expect(rawStatus(sent.response)).toBe(413);
    // A Content-Length that promises a megabyte that never comes: answered at once, not waited for.
    const promised = await rawExchange(file.server.url, [`${head}Content-Length: 1048576\r\n\r\n{"email":`], { waitMs: 5_000 });
    expect(rawStatus(promised.response)).toBe(413);
    expect(promised.elapsedMs).toBeLessThan(4_000);
    // Chunked, with no Content-Length: cut off once the limit is passed.
    const chunk = 'z'.repeat(16 * 1024);
    const chunks = [`${head}Transfer-Encoding: chunked\r\n\r\n`, ...Array.from({ length: 6 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`)];
    const chunked = await rawExchange(file.server.url, chunks, { waitMs: 5_000, gapMs: 5 });
    expect(rawStatus(chunked.response)).toBe(413);
    expect(chunked.elapsedMs).toBeLessThan(4_000);
  });

  it('answers 415 for a text/plain or form-encoded POST', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      const answer = await invite('email=a%40example.com', contentType);
      expect(answer.status, contentType).toBe(415);
      expect(errorOf(answer).kind).toBe('unsupported_media_type');
    }
    const action = await call(file.server.url, 'POST', '/v1/users/usr_cara/resend', { key: file.server.keys.admin, body: 'resend', contentType: 'text/plain' });
    expect(action.status).toBe(415);
  });

  it('answers 400 naming the problem for malformed JSON, an array, null and an empty body', async () => {
    await expectInvalid(await invite('{"email": "a@example.com"'), /JSON/);
    await expectInvalid(await invite('[{"email": "a@example.com"}]'), /object/);
    await expectInvalid(await invite('null'), /object|empty|null/);
    await expectInvalid(await invite('"a@example.com"'), /object/);
    await expectInvalid(await invite(''), /empty/);
  });

  it('answers 400 naming the problem for wrong types and a missing email', async () => {
    await expectInvalid(await invite({}), /email/);
    await expectInvalid(await invite({ mail: 'a@example.com' }), /email/);
    await expectInvalid(await invite({ email: { address: 'a@example.com' } }), /email/);
    await expectInvalid(await invite({ email: ['a@example.com'] }), /email/);
    await expectInvalid(await invite({ email: 42 }), /@/);
    await expectInvalid(await invite({ email: 'a@example.com', team: 'b; drop table users' }), /team/);
  });

  it('refuses prototype poisoning in a body (__proto__, constructor.prototype) with 400 instead of merging it', async () => {
    for (const body of [
      '{"email":"poison1@example.com","__proto__":{"role":"admin"}}',
      '{"__proto__":{"email":"poison2@example.com"}}',
      '{"email":"poison3@example.com","constructor":{"prototype":{"role":"admin"}}}',
      '{"email":"poison4@example.com","nested":{"__proto__":{"x":1}}}',
    ]) {
      const answer = await invite(body);
      await expectInvalid(answer, /__proto__ or constructor\.prototype/);
    }
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    const listed = await call(file.server.url, 'GET', '/v1/invitations?q=poison', { key: file.server.keys.admin });
    expect((listed.json as { invitations: unknown[] }).invitations).toEqual([]);
  });

  it('answers 400 for query parameters of the wrong type or out of range', async () => {
    for (const query of ['limit=abc', 'limit=100000', 'limit=0', 'limit=-1', 'limit=1.5', 'status=superuser', 'cursor=%00%00']) {
      const answer = await call(file.server.url, 'GET', `/v1/invitations?${query}`, { key: file.server.keys.admin });
      expect(answer.status, query).toBe(400);
      expect(errorOf(answer).kind).toBe('invalid_request');
    }
    for (const query of ['limit=abc', 'limit=100000', 'cursor=abc', 'since=yesterday']) {
      const answer = await call(file.server.url, 'GET', `/v1/audit?${query}`, { key: file.server.keys.admin });
      expect(answer.status, query).toBe(400);
    }
    await expectInvalid(await call(file.server.url, 'GET', '/v1/users', { key: file.server.keys.admin }), /email/);
  });
});

describe('addresses', () => {
  const lookUp = (email: string) => call(file.server.url, 'GET', `/v1/users?email=${encodeURIComponent(email)}`, { key: file.server.keys.admin });

  it('answers 400 naming the problem for an address of 255 characters or more', async () => {
    const long = `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(10)}.example`;
    expect(long.length).toBeGreaterThanOrEqual(255);
    await expectInvalid(await invite({ email: long }), /longer/);
    await expectInvalid(await lookUp(long), /longer/);
    await expectInvalid(await invite({ email: `${'a'.repeat(65)}@example.com` }), /64/);
  });

  it('answers 400 naming the problem for control characters and a zero-width space', async () => {
    await expectInvalid(await invite({ email: 'ana\u0001@example.com' }), /control character \(U\+0001\)/);
    await expectInvalid(await invite({ email: 'ana\r\nBcc: x@evil.example@example.com' }), /control character/);
    await expectInvalid(await invite({ email: 'an\u200ba@example.com' }), /invisible character \(U\+200B ZERO WIDTH SPACE\)/);
    await expectInvalid(await lookUp('ana.invited@exa\u200bmple.com'), /U\+200B/);
    await expectInvalid(await invite({ email: 'ana\u202e@example.com' }), /invisible/);
  });

  it('answers 400 naming the problem for an address with two @', async () => {
    await expectInvalid(await invite({ email: 'a@b@example.com' }), /more than one @/);
    await expectInvalid(await lookUp('ana.invited@example.com@evil.example'), /more than one @/);
  });

  it('refuses to invite one mailbox twice under two spellings with 409 (IDNA, NFD/NFC, case)', async () => {
    const pairs: [string, string][] = [
      ['ida@bücher.example', 'ida@xn--bcher-kva.example'],
      ['jose\u0301@example.org', 'jos\u00e9@example.org'],
      ['Zed.Upper@Example.ORG', 'zed.upper@example.org'],
      ['  lower.spaces@example.org', 'LOWER.SPACES@EXAMPLE.ORG '],
    ];
    for (const [first, second] of pairs) {
      const created = await invite({ email: first });
      expect(created.status, first).toBe(201);
      const again = await invite({ email: second });
      expect(again.status, second).toBe(409);
      expect(errorOf(again).kind).toBe('conflict');
      const found = await lookUp(second);
      expect((found.json as { user: { id: string } }).user.id).toBe((created.json as { user: { id: string } }).user.id);
    }
  });
});

describe('slow clients', () => {
  it('cuts off a client that trickles its body slower than the request timeout, and answers others meanwhile', async () => {
    const quick = await startTestServer({ store: file.store, http: { requestTimeoutMs: 500, headersTimeoutMs: 500 } });
    try {
      const body = JSON.stringify({ email: 'slow.loris@example.com' });
      const head = `POST /v1/invitations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${quick.keys.admin}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
      const trickle = rawExchange(quick.url, [head, ...body.split('')], { gapMs: 150, waitMs: 8_000 });
      const headersOnly = rawExchange(quick.url, ['GET /health HTTP/1.1\r\n', 'Host: x\r\n', 'X-Slow: 1\r\n', 'X-Slow: 2\r\n', 'X-Slow: 3\r\n', 'X-Slow: 4\r\n', 'X-Slow: 5\r\n', 'X-Slow: 6\r\n'], { gapMs: 300, waitMs: 8_000 });
      // Meanwhile everyone else is served.
      for (let i = 0; i < 5; i++) {
        const health = await call(quick.url, 'GET', '/health');
        expect(health.status).toBe(200);
        expect(health.headers.get('x-request-id')).toMatch(uuidPattern);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const [slowBody, slowHeaders] = await Promise.all([trickle, headersOnly]);
      for (const slow of [slowBody, slowHeaders]) {
        expect(slow.closedByServer).toBe(true);
        expect(slow.elapsedMs).toBeLessThan(body.length * 150);
        expect([null, 408]).toContain(rawStatus(slow.response));
      }
      const invited = await call(quick.url, 'GET', `/v1/users?email=slow.loris%40example.com`, { key: quick.keys.admin });
      expect(invited.json).toEqual({ user: null });
    } finally {
      await quick.close();
    }
  });
});

describe('values the database cannot take', () => {
  const get = (path: string) => call(file.server.url, 'GET', path, { key: file.server.keys.admin });

  it('answers 400, not 503, for a NUL character in a user id, a search, a cursor or a body', async () => {
    await expectInvalid(await call(file.server.url, 'POST', '/v1/users/usr_%00ana/resend', { key: file.server.keys.admin }), /NUL/);
    await expectInvalid(await get('/v1/invitations?q=an%00a'), /NUL/);
    await expectInvalid(await get(`/v1/invitations?cursor=${Buffer.from(JSON.stringify(['a\u0000', 'b'])).toString('base64url')}`), /cursor/);
    await expectInvalid(await get('/v1/audit?target=usr_%00'), /NUL/);
    await expectInvalid(await invite({ email: 'a@example.com', team: 'a', extra: { 'k\u0000': 1 } }), /NUL/);
  });

  it('answers 400, not 503, for limit=1e309 (ajv makes it Infinity and skips maximum)', async () => {
    await expectInvalid(await get('/v1/invitations?limit=1e309'), /too large/);
    await expectInvalid(await get('/v1/audit?limit=1e309'), /too large/);
  });

  it('answers 400, not 503, for an audit cursor past 2^63-1 or a date before year 1', async () => {
    await expectInvalid(await get('/v1/audit?cursor=9223372036854775808'), /cursor/);
    expect((await get('/v1/audit?cursor=9223372036854775807')).status).toBe(200);
    await expectInvalid(await get('/v1/audit?since=0000-06-01T00:00:00Z'), /year 1/);
    await expectInvalid(await get('/v1/audit?until=0001-01-01T00:00:00%2B01:00'), /year 1/);
  });

  it('answers a broken %-escape or an over-long path parameter with our error body and a request id', async () => {
    for (const path of ['/v1/users/%Z1/resend', `/v1/users/${'a'.repeat(2000)}/resend`]) {
      const answer = await call(file.server.url, 'POST', path, { key: file.server.keys.admin });
      expect([400, 414]).toContain(answer.status);
      expect(errorOf(answer).kind).toBe('invalid_request');
      expect(answer.headers.get('x-request-id')).toMatch(uuidPattern);
    }
  });
});
