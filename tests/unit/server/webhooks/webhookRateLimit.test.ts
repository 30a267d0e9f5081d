import { describe, expect, it } from 'vitest';
import { fixture, withWebhookServer } from './webhookBench.ts';

const user = 'postmark-hooks';
const password = 'a-long-test-password-1234';

describe('the webhook rate limit', () => {
  const bench = withWebhookServer(() => ({ postmark: { user, password }, requestsPerAddressPerMinute: 3 }));

  it('answers 429 with Retry-After once one source address exceeds its requests per minute, before checking anything else', async () => {
    const headers = { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await bench.post('postmark', fixture('postmark', 'delivery'), headers)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await fetch(`${bench.server.url}/v1/webhooks/postmark`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    bench.server.advance(60_000);
    expect((await bench.post('postmark', fixture('postmark', 'delivery'), headers)).status).toBe(200);
  });
});
