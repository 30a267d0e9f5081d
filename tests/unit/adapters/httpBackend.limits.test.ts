import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpBackend, type HttpBackendOptions } from '../../../src/adapters/index.ts';

const mib = 1024 * 1024;
const lookupBody = JSON.stringify({ user: null });

/** A fake fetch answering every call with `answer(url, init)`; it records what it was asked. */
function fakeFetch(answer: (url: string, init?: RequestInit) => Response) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return answer(String(input), init);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

/** A Response as a followed redirect leaves it: `url` the last address, `redirected` true. */
function redirectedTo(url: string, body = lookupBody): Response {
  const response = new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  Object.defineProperty(response, 'url', { value: url });
  Object.defineProperty(response, 'redirected', { value: true });
  return response;
}

function client(fetch: typeof globalThis.fetch, options: Partial<HttpBackendOptions> = {}) {
  return createHttpBackend({ baseUrl: 'https://api.example.com', token: 'secret-token', fetch, retry: { attempts: 1, baseDelayMs: 1 }, timeoutMs: 2_000, ...options });
}

describe('response size cap', () => {
  it('reads an answer under the cap as before', async () => {
    const { fetch } = fakeFetch(() => new Response(lookupBody, { status: 200 }));
    expect(await client(fetch).findUser('ana@example.com')).toEqual({ ok: true, value: null });
  });

  it('refuses a body over 1 MiB as unavailable / malformed, with a message', async () => {
    const { fetch } = fakeFetch(() => new Response(`{"user":null,"pad":"${'x'.repeat(mib)}"}`, { status: 200 }));
    const result = await client(fetch).findUser('ana@example.com');
    expect(result).toMatchObject({ ok: false, error: { kind: 'unavailable', cause: 'malformed', status: 200 } });
    if (!result.ok) expect(result.error.message).toBe('findUser: the response was larger than 1 MiB; it was refused.');
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode('{}'));
        controller.close();
      },
    });
    const { fetch } = fakeFetch(() => new Response(stream, { status: 200, headers: { 'content-length': String(5 * mib) } }));
    expect(await client(fetch).findUser('ana@example.com')).toMatchObject({ error: { kind: 'unavailable', cause: 'malformed' } });
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('stops reading an endless stream at the cap and cancels it', async () => {
    let sent = 0;
    let cancelled = false;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const { fetch } = fakeFetch(() => new Response(stream, { status: 200 }));
    expect(await client(fetch, { maxResponseBytes: 256 * 1024 }).findUser('ana@example.com')).toMatchObject({ error: { kind: 'unavailable', cause: 'malformed', message: expect.stringContaining('256 KiB') } });
    expect(cancelled).toBe(true);
    expect(sent).toBeLessThan(512 * 1024);
  });

  it('still maps an oversized error answer by its status', async () => {
    const { fetch } = fakeFetch(() => new Response('x'.repeat(2 * mib), { status: 429, headers: { 'retry-after': '30' } }));
    expect(await client(fetch).resendInvite('usr_ana')).toMatchObject({ ok: false, error: { kind: 'rate_limited', retryAfterMs: 30_000 } });
  });
});

describe('redirects', () => {
  it('asks fetch to follow and refuses an answer from another origin', async () => {
    const { fetch, calls } = fakeFetch(() => redirectedTo('https://evil.example.net/v1/users?email=ana%40example.com'));
    const result = await client(fetch).findUser('ana@example.com');
    expect(result).toMatchObject({ ok: false, error: { kind: 'unavailable', cause: 'malformed', message: 'findUser: the server redirected to another origin; the answer was refused.' } });
    expect(calls[0]?.init?.redirect).toBe('follow');
  });

  it('refuses another port or scheme of the same host too', async () => {
    for (const url of ['https://api.example.com:8443/v1/users', 'http://api.example.com/v1/users']) {
      const { fetch } = fakeFetch(() => redirectedTo(url));
      expect(await client(fetch).findUser('ana@example.com')).toMatchObject({ error: { cause: 'malformed' } });
    }
  });

  it('follows a same-origin redirect', async () => {
    const { fetch } = fakeFetch(() => redirectedTo('https://api.example.com/v2/users?email=ana%40example.com'));
    expect(await client(fetch).findUser('ana@example.com')).toEqual({ ok: true, value: null });
  });
});

describe('redirects over real HTTP', () => {
  const servers: Array<ReturnType<typeof createServer>> = [];
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
  });

  async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('refuses a 302 to another origin and follows one on the same origin', async () => {
    const elsewhere = await serve((_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(lookupBody));
    const api = await serve((request, response) => {
      if (request.url?.startsWith('/v1/users')) response.writeHead(302, { location: `${elsewhere}/v1/users` }).end();
      else if (request.url?.startsWith('/v1/moved')) response.writeHead(200, { 'content-type': 'application/json' }).end(lookupBody);
      else response.writeHead(307, { location: '/v1/moved' }).end();
    });
    const backend = createHttpBackend({ baseUrl: api, retry: { attempts: 1 }, timeoutMs: 2_000 });
    expect(await backend.findUser('ana@example.com')).toMatchObject({ ok: false, error: { kind: 'unavailable', cause: 'malformed' } });
    const sameOrigin = await createHttpBackend({ baseUrl: `${api}/prefix`, retry: { attempts: 1 }, timeoutMs: 2_000 }).findUser('ana@example.com');
    expect(sameOrigin).toEqual({ ok: true, value: null });
  });
});
