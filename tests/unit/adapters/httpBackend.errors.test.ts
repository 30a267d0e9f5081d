import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpBackend, fetchCapabilities, type HttpBackendOptions } from '../../../src/adapters/index.ts';

interface Stub {
  url: string;
  requests: IncomingMessage[];
  close(): Promise<void>;
}

const stubs: Stub[] = [];
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((stub) => stub.close()));
});

/** A tiny real HTTP server on a free port answering every request with `handler`. */
async function startStub(handler: (request: IncomingMessage, response: ServerResponse, count: number) => void): Promise<Stub> {
  const requests: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    requests.push(request);
    handler(request, response, requests.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stub: Stub = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  stubs.push(stub);
  return stub;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => (_: IncomingMessage, response: ServerResponse) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

function client(stub: Stub, options: Partial<HttpBackendOptions> = {}) {
  return createHttpBackend({ baseUrl: stub.url, token: 'secret-token', retry: { baseDelayMs: 1 }, timeoutMs: 1_000, ...options });
}

describe('createHttpBackend errors', () => {
  it('maps 429 with Retry-After in seconds to rate_limited', async () => {
    const stub = await startStub(json(429, { error: { kind: 'rate_limited' } }, { 'retry-after': '120' }));
    expect(await client(stub).resendInvite('usr_ana')).toEqual({ ok: false, error: expect.objectContaining({ kind: 'rate_limited', retryAfterMs: 120_000 }) });
  });

  it('maps 429 with Retry-After as an HTTP date to the time left', async () => {
    const stub = await startStub(json(429, {}, { 'retry-after': new Date(Date.now() + 90_000).toUTCString() }));
    const result = await client(stub).resendInvite('usr_ana');
    if (result.ok || result.error.kind !== 'rate_limited') throw new Error('expected rate_limited');
    expect(result.error.retryAfterMs).toBeGreaterThan(88_000);
    expect(result.error.retryAfterMs).toBeLessThanOrEqual(90_000);
  });

  it('prefers the exact retryAfterMs of the body over the rounded header', async () => {
    const stub = await startStub(json(429, { error: { kind: 'rate_limited', retryAfterMs: 1_500 } }, { 'retry-after': '2' }));
    expect(await client(stub).resendInvite('usr_ana')).toMatchObject({ error: { retryAfterMs: 1_500 } });
  });

  it.each([
    [401, {}, 'not_permitted'],
    [403, { error: { kind: 'not_permitted', message: 'Admins only.' } }, 'not_permitted'],
    [404, {}, 'not_found'],
    [409, { error: { kind: 'conflict' } }, 'conflict'],
    [409, { error: { kind: 'deactivated' } }, 'deactivated'],
    [501, {}, 'unsupported'],
  ])('maps HTTP %i to %s', async (status, body, kind) => {
    const stub = await startStub(json(status, body));
    expect(await client(stub).cancelInvite('usr_ana')).toMatchObject({ ok: false, error: { kind } });
  });

  it('keeps the server message when the body has one', async () => {
    const stub = await startStub(json(403, { error: { kind: 'not_permitted', message: 'Admins only.' } }));
    expect(await client(stub).cancelInvite('usr_ana')).toMatchObject({ error: { message: 'Admins only.' } });
  });

  it('retries a GET on 500 with backoff and reports unavailable/server with the status', async () => {
    const stub = await startStub(json(500, { oops: true }));
    expect(await client(stub).findUser('ana@example.com')).toMatchObject({ ok: false, error: { kind: 'unavailable', cause: 'server', status: 500 } });
    expect(stub.requests).toHaveLength(3);
  });

  it('succeeds when a retried GET recovers', async () => {
    const stub = await startStub((request, response, count) => (count < 3 ? json(503, {})(request, response) : json(200, { user: null })(request, response)));
    expect(await client(stub).findUser('ana@example.com')).toEqual({ ok: true, value: null });
    expect(stub.requests).toHaveLength(3);
  });

  it('never retries an action (POST), even on 503', async () => {
    const stub = await startStub(json(503, {}));
    expect(await client(stub).resendInvite('usr_ana')).toMatchObject({ error: { kind: 'unavailable', cause: 'server', status: 503 } });
    expect(stub.requests).toHaveLength(1);
  });

  it('retries the evidence read (a POST that changes nothing) like a GET, and sends the list as asked', async () => {
    const stub = await startStub((request, response, count) => (count < 3 ? json(503, {})(request, response) : json(200, { evidence: [{ email: 'ana@example.com', deliveryEvents: [], linkEvents: [] }] })(request, response)));
    expect(await client(stub).invitationEvidence!(['Ana@example.com'])).toEqual({ ok: true, value: [{ email: 'ana@example.com', deliveryEvents: [], linkEvents: [] }] });
    expect(stub.requests.map((request) => `${request.method} ${request.url}`)).toEqual(Array(3).fill('POST /v1/evidence'));
  });

  it('answers the evidence read refused with 400 as unavailable/server with the server\'s message, without retrying', async () => {
    const stub = await startStub(json(400, { error: { kind: 'invalid_request', message: '201 addresses were asked for; at most 200 fit in one call.' } }));
    expect(await client(stub).invitationEvidence!(['ana@example.com'])).toEqual({ ok: false, error: { kind: 'unavailable', cause: 'server', status: 400, message: '201 addresses were asked for; at most 200 fit in one call.' } });
    expect(stub.requests).toHaveLength(1);
  });

  it.each([403, 400, 422])('does not retry a GET refused with %i', async (status) => {
    const stub = await startStub(json(status, {}));
    expect((await client(stub).deliveryEvents('ana@example.com')).ok).toBe(false);
    expect(stub.requests).toHaveLength(1);
  });

  it('maps an unexpected 4xx to unavailable/server with its status', async () => {
    const stub = await startStub(json(400, { error: { kind: 'invalid_request', message: 'Bad email.' } }));
    expect(await client(stub).inviteUser('x')).toMatchObject({ error: { kind: 'unavailable', cause: 'server', status: 400, message: 'Bad email.' } });
  });

  it('times out a request that never answers', async () => {
    const stub = await startStub(() => {});
    expect(await client(stub, { timeoutMs: 40, retry: { attempts: 2, baseDelayMs: 1 } }).findUser('a@example.com')).toMatchObject({
      error: { kind: 'unavailable', cause: 'timeout' },
    });
    expect(stub.requests).toHaveLength(2);
  });

  it('times out a response whose body never ends, once for an action', async () => {
    const stub = await startStub((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"sentAt":');
    });
    expect(await client(stub, { timeoutMs: 40 }).resendInvite('usr_ana')).toMatchObject({ error: { kind: 'unavailable', cause: 'timeout' } });
    expect(stub.requests).toHaveLength(1);
  });

  it('reports unavailable/aborted, not a timeout, when the caller aborts', async () => {
    const controller = new AbortController();
    // Abort once the request has arrived (a fixed delay lost the race on a loaded machine).
    const stub = await startStub(() => controller.abort());
    expect(await client(stub).findUser('a@example.com', { signal: controller.signal })).toMatchObject({ error: { kind: 'unavailable', cause: 'aborted' } });
    expect(stub.requests).toHaveLength(1);
  });

  it('reports unavailable/network for a closed port', async () => {
    const stub = await startStub(() => {});
    await stub.close();
    expect(await client(stub, { retry: { attempts: 1 } }).findUser('a@example.com')).toMatchObject({ error: { kind: 'unavailable', cause: 'network' } });
  });

  it('reports unavailable/network when fetch itself rejects', async () => {
    const backend = createHttpBackend({ baseUrl: 'http://api.invalid', fetch: () => Promise.reject(new TypeError('fetch failed')), retry: { baseDelayMs: 1 } });
    expect(await backend.resendInvite('usr_ana')).toMatchObject({ error: { kind: 'unavailable', cause: 'network' } });
  });

  it('reports malformed JSON as unavailable/malformed without retrying', async () => {
    const stub = await startStub((_, response) => response.writeHead(200).end('<html>gateway</html>'));
    expect(await client(stub).findUser('a@example.com')).toMatchObject({ error: { kind: 'unavailable', cause: 'malformed', message: expect.stringMatching(/not valid JSON/) } });
    expect(stub.requests).toHaveLength(1);
  });

  it('reports a wrong shape as unavailable/malformed naming the field, never the secret', async () => {
    const stub = await startStub(json(200, { url: 'not a url with secret-link-token', expiresAt: 'tomorrow', singleUse: true }));
    const result = await client(stub).getInviteLink('usr_ana');
    expect(result).toMatchObject({ error: { kind: 'unavailable', cause: 'malformed', message: expect.stringMatching(/getInviteLink.*url/) } });
    expect(JSON.stringify(result)).not.toMatch(/secret/);
  });

  it('sends the bearer token, read before every request', async () => {
    let token = 'first';
    const stub = await startStub(json(200, { user: null }));
    const backend = client(stub, { token: () => token });
    await backend.findUser('a@example.com');
    token = 'second';
    await backend.findUser('a@example.com');
    expect(stub.requests.map((request) => request.headers.authorization)).toEqual(['Bearer first', 'Bearer second']);
  });

  it('answers unsupported without a request for a capability the API lacks', async () => {
    const stub = await startStub(json(200, {}));
    const backend = client(stub, { capabilities: ['lookup'] });
    expect(await backend.resendInvite('usr_ana')).toMatchObject({ error: { kind: 'unsupported' } });
    expect([...backend.capabilities()]).toEqual(['lookup']);
    expect(stub.requests).toHaveLength(0);
  });

  it('fetches capabilities, ignoring names it does not know', async () => {
    const stub = await startStub(json(200, { capabilities: ['lookup', 'resend', 'teleport'] }));
    const result = await fetchCapabilities({ baseUrl: stub.url });
    expect(result.ok && [...result.value]).toEqual(['lookup', 'resend']);
    expect(stub.requests[0]?.url).toBe('/v1/capabilities');
  });
});
