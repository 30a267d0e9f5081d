import { describe, expect, it } from 'vitest';
import { fixture, withWebhookServer } from './webhookBench.ts';

const user = 'postmark-hooks';
const password = 'a-long-test-password-1234';
const basic = (credentials = `${user}:${password}`) => ({ authorization: `Basic ${Buffer.from(credentials).toString('base64')}` });

describe('the Postmark webhooks', () => {
  const bench = withWebhookServer(() => ({ postmark: { user, password } }));

  it('stores a delivery with our Message-ID from the metadata and Postmark\u2019s id in the external id', async () => {
    expect(await bench.post('postmark', fixture('postmark', 'delivery'), basic())).toEqual({ status: 200, body: { received: 1, stored: 1 } });
    expect(await bench.stored('postmark')).toEqual([
      { email: 'ana.invited@example.com', kind: 'delivered', smtpCode: 250, enhancedCode: '2.0.0', text: 'smtp;250 2.0.0 OK', messageId: 'invite-ana-2@invite-doctor.test', externalId: 'Delivery:883953f4-6105-42a2-a16a-77a8eac79400:ana.invited@example.com' },
    ]);
  });

  it('stores a hard bounce once however often Postmark retries it, suppresses the address and shows it in the delivery log', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) expect((await bench.post('postmark', fixture('postmark', 'bounce'), basic())).status).toBe(200);
    const bounces = (await bench.stored('postmark')).filter((event) => event.kind === 'bounced');
    expect(bounces).toEqual([
      { email: 'gus.nomailbox@example.com', kind: 'bounced', smtpCode: 550, enhancedCode: '5.1.1', text: 'smtp;550 5.1.1 The email account you tried to reach does not exist.', messageId: 'invite-gus-2@invite-doctor.test', externalId: 'Bounce:4242001' },
    ]);
    expect(await bench.isSuppressed('gus.nomailbox@example.com')).toBe(true);
    expect(await bench.deliveryLog('gus.nomailbox@example.com')).toContainEqual(expect.objectContaining({ kind: 'bounced', enhancedCode: '5.1.1' }));
  });

  it('stores a spam complaint for an address we never invited against that address, and suppresses it', async () => {
    expect((await bench.post('postmark', fixture('postmark', 'spam-complaint'), basic())).status).toBe(200);
    expect((await bench.stored('postmark')).find((event) => event.kind === 'complained')).toMatchObject({ email: 'walter.unknown@example.net', externalId: 'SpamComplaint:4242002' });
    expect(await bench.isSuppressed('walter.unknown@example.net')).toBe(true);
    expect((await bench.deliveryLog('walter.unknown@example.net')).map((event) => event.kind)).toEqual(['complained']);
  });

  it('refuses wrong, missing or malformed credentials with 401 and stores nothing', async () => {
    const before = (await bench.stored('postmark')).length;
    const body = fixture('postmark', 'bounce').replace('4242001', '4242999');
    for (const headers of [basic(`${user}:wrong-password-000000`), basic(`${user}:${password}x`), {}, { authorization: `Bearer ${password}` }]) {
      expect((await bench.post('postmark', body, headers)).status).toBe(401);
    }
    expect(await bench.stored('postmark')).toHaveLength(before);
  });

  it('answers a body that is not a documented record 400 naming the problem, and stores nothing', async () => {
    const before = (await bench.stored('postmark')).length;
    const noAddress = JSON.stringify({ ...JSON.parse(fixture('postmark', 'bounce')), ID: 4242998, Email: 'nobody' });
    for (const body of ['{', '{"RecordType":"Teleport"}', noAddress]) {
      const answer = await bench.post('postmark', body, basic());
      expect(answer.status, body).toBe(400);
      expect(answer.body).toMatchObject({ error: { kind: 'invalid_request' } });
    }
    expect(JSON.stringify((await bench.post('postmark', noAddress, basic())).body)).toContain('Email: not an email address');
    expect(await bench.stored('postmark')).toHaveLength(before);
  });
});
