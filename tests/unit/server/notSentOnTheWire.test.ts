import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpBackend } from '../../../src/adapters/index.ts';
import type { BackendError } from '../../../src/engine/BackendError.ts';
import { sendError } from '../../../server/http/sendResult.ts';

// The server reports its own SMTP refusals as not_sent events, not as an action's error (see
// docs/server.md); the wire form of the error is still its encoder's, followed here to the http
// adapter's decoder for any backend that refuses before changing anything.
const app = Fastify();
let next: BackendError = { kind: 'not_sent', reason: 'mail_not_configured' };
let url = '';
app.post('/v1/users/:userId/resend', async (_request, reply) => sendError(reply, next));
beforeAll(async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(() => app.close());

describe('a not_sent error between the server and the http adapter', () => {
  const resend = () => createHttpBackend({ baseUrl: url, retry: { attempts: 1 } }).resendInvite('usr_ana');

  it('arrives with its reason, exact wait and message; the header rounds the wait up to seconds', async () => {
    next = { kind: 'not_sent', reason: 'provider_rate_limited', retryAfterMs: 1_500, message: '429 Too Many Requests: daily sending quota reached' };
    expect(await resend()).toEqual({ ok: false, error: next });
    const raw = await fetch(`${url}/v1/users/usr_ana/resend`, { method: 'POST' });
    expect(raw.status).toBe(502);
    expect(raw.headers.get('retry-after')).toBe('2');
  });

  it('arrives without a wait when none was given, and with the kind as its message when it had none', async () => {
    next = { kind: 'not_sent', reason: 'auth_refused' };
    expect(await resend()).toEqual({ ok: false, error: { kind: 'not_sent', reason: 'auth_refused', message: 'not_sent' } });
    expect((await fetch(`${url}/v1/users/usr_ana/resend`, { method: 'POST' })).headers.get('retry-after')).toBeNull();
  });
});
