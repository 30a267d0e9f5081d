import { describe, expect, it } from 'vitest';
import { fixture, withWebhookServer } from './webhookBench.ts';

describe('provider webhooks that are not configured', () => {
  const bench = withWebhookServer(() => ({}));

  it.each(['sendgrid', 'postmark', 'mailgun', 'ses', 'resend'])('answers POST /v1/webhooks/%s 404 without a key, and stores nothing', async (provider) => {
    const answer = await bench.post(provider, fixture('sendgrid', 'bounce'));
    expect(answer).toMatchObject({ status: 404, body: { error: { kind: 'not_found' } } });
    expect(await bench.stored(provider)).toEqual([]);
  });

  it('still asks for an API key everywhere else under /v1/webhooks', async () => {
    expect((await fetch(`${bench.server.url}/v1/webhooks/sparkpost`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(401);
  });
});
