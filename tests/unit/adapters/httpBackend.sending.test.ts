import { describe, expect, it } from 'vitest';
import { createHttpBackend, type HttpBackendOptions } from '../../../src/adapters/index.ts';

interface Seen {
  method: string;
  url: URL;
}

/** A backend over a fetch that answers every request with `answer` and records what was asked. */
function backendAnswering(answer: (seen: Seen) => Response, options: Partial<HttpBackendOptions> = {}) {
  const seen: Seen[] = [];
  const backend = createHttpBackend({
    baseUrl: 'https://api.example.com',
    token: 'secret-token',
    retry: { attempts: 1, baseDelayMs: 1 },
    fetch: async (input, init) => {
      const request = { method: init?.method ?? 'GET', url: new URL(String(input)) };
      seen.push(request);
      return answer(request);
    },
    ...options,
  });
  return { backend, seen };
}

const notSent = (body: unknown, headers: Record<string, string> = {}) => () => Response.json(body, { status: 502, headers });

describe('createHttpBackend: our own sending side', () => {
  it('maps a 502 not_sent body to not_sent with its reason, message and Retry-After', async () => {
    const { backend } = backendAnswering(notSent({ error: { kind: 'not_sent', reason: 'provider_rate_limited', message: 'Postmark: sending limit reached' } }, { 'retry-after': '90' }));
    expect(await backend.resendInvite('usr_ana')).toEqual({
      ok: false,
      error: { kind: 'not_sent', reason: 'provider_rate_limited', message: 'Postmark: sending limit reached', retryAfterMs: 90_000 },
    });
  });

  it('prefers the exact retryAfterMs of a not_sent body and leaves it out when neither says', async () => {
    const exact = backendAnswering(notSent({ error: { kind: 'not_sent', reason: 'provider_rate_limited', message: 'slow down', retryAfterMs: 1_500 } }, { 'retry-after': '2' }));
    expect(await exact.backend.resendInvite('usr_ana')).toMatchObject({ ok: false, error: { kind: 'not_sent', retryAfterMs: 1_500 } });
    const none = backendAnswering(notSent({ error: { kind: 'not_sent', reason: 'mail_not_configured', message: 'SMTP not configured' } }));
    const result = await none.backend.sendPasswordReset('usr_dan');
    expect(result).toEqual({ ok: false, error: { kind: 'not_sent', reason: 'mail_not_configured', message: 'SMTP not configured' } });
  });

  it('keeps a 502 without a known reason a plain server failure', async () => {
    for (const body of [{ error: { kind: 'not_sent', reason: 'cosmic_rays', message: 'x' } }, { error: { kind: 'not_sent', message: 'x' } }, {}]) {
      const { backend } = backendAnswering(notSent(body));
      expect(await backend.resendInvite('usr_ana')).toMatchObject({ ok: false, error: { kind: 'unavailable', cause: 'server', status: 502 } });
    }
  });

  it('reads not_sent delivery events with their reason', async () => {
    const event = { at: '2025-03-10T09:00:00.000Z', email: 'ana@example.com', kind: 'not_sent', reason: 'sandbox_recipient', text: 'Sandbox: recipient not verified' };
    const { backend } = backendAnswering(() => Response.json({ events: [event] }));
    expect(await backend.deliveryEvents('ana@example.com')).toEqual({ ok: true, value: [event] });
  });

  it('refuses a delivery event whose reason it does not know', async () => {
    const { backend } = backendAnswering(() => Response.json({ events: [{ at: '2025-03-10T09:00:00.000Z', email: 'ana@example.com', kind: 'not_sent', reason: 'cosmic_rays' }] }));
    expect(await backend.deliveryEvents('ana@example.com')).toMatchObject({ ok: false, error: { kind: 'unavailable', cause: 'malformed' } });
  });
});

describe('createHttpBackend sendingStatus and linkEvents', () => {
  const status = { configured: true, provider: 'SMTP', from: 'invitations@app.example.com', linkOrigin: 'https://app.example.com', problem: null };

  it('asks GET /v1/sending-status', async () => {
    const { backend, seen } = backendAnswering(() => Response.json(status));
    expect(await backend.sendingStatus?.()).toEqual({ ok: true, value: status });
    expect(seen.map(({ method, url }) => `${method} ${url.pathname}${url.search}`)).toEqual(['GET /v1/sending-status']);
  });

  it('refuses a link origin that carries a path, query or token', async () => {
    for (const linkOrigin of ['https://app.example.com/invite/abc123', 'https://app.example.com?token=abc', 'javascript:alert(1)']) {
      const { backend } = backendAnswering(() => Response.json({ ...status, linkOrigin }));
      expect(await backend.sendingStatus?.()).toMatchObject({ ok: false, error: { kind: 'unavailable', cause: 'malformed' } });
    }
  });

  it('asks GET /v1/link-events?email= and returns the events oldest first as sent', async () => {
    const events = [
      { at: '2025-03-10T09:00:05.000Z', email: 'ana@example.com', kind: 'opened', secondsAfterDelivery: 5, automated: true },
      { at: '2025-03-10T09:30:00.000Z', email: 'ana@example.com', kind: 'refused', refusal: 'used', secondsAfterDelivery: 1_800, automated: false },
    ];
    const { backend, seen } = backendAnswering(() => Response.json({ events }));
    expect(await backend.linkEvents?.(' ana@example.com ')).toEqual({ ok: true, value: events });
    expect(seen.map(({ url }) => `${url.pathname}?${url.searchParams.toString()}`)).toEqual(['/v1/link-events?email=ana%40example.com']);
  });

  it('offers neither method when the server does not list the capability', () => {
    const { backend } = backendAnswering(() => Response.json({}), { capabilities: ['lookup', 'deliveryLog'] });
    expect(backend.sendingStatus).toBeUndefined();
    expect(backend.linkEvents).toBeUndefined();
    const full = backendAnswering(() => Response.json({}), { capabilities: ['sendingStatus'] }).backend;
    expect(typeof full.sendingStatus).toBe('function');
    expect(full.linkEvents).toBeUndefined();
  });
});
