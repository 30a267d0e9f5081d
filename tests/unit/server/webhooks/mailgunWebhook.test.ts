import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixture, withWebhookServer } from './webhookBench.ts';

const signingKey = 'key-mailgun-test-signing-0123456789';

describe('the Mailgun webhooks', () => {
  const bench = withWebhookServer(() => ({ mailgun: { signingKey }, maxSignatureAgeMs: 5 * 60_000 }));
  /** A fixture signed as Mailgun signs: HMAC-SHA256 of timestamp + token, at the server's clock unless told. */
  const signed = (name: string, options: { key?: string; at?: number; token?: string; change?: (body: Record<string, unknown>) => void } = {}) => {
    const body = JSON.parse(fixture('mailgun', name)) as Record<string, unknown>;
    const timestamp = String(Math.floor((options.at ?? bench.server.now()) / 1000));
    const token = options.token ?? randomBytes(25).toString('hex');
    body.signature = { timestamp, token, signature: createHmac('sha256', options.key ?? signingKey).update(timestamp + token).digest('hex') };
    options.change?.(body);
    return JSON.stringify(body);
  };

  it('stores a permanent failure as a bounce with Mailgun\u2019s code, enhanced code and text, our Message-ID and its event id; suppresses; shows it to the wizard', async () => {
    expect(await bench.post('mailgun', signed('permanent-fail'))).toEqual({ status: 200, body: { received: 1, stored: 1 } });
    expect(await bench.stored('mailgun')).toEqual([
      { email: 'gus.nomailbox@example.com', kind: 'bounced', smtpCode: 550, enhancedCode: '5.1.1', text: '5.1.1 The email account you tried to reach does not exist.', messageId: 'invite-gus-3@invite-doctor.test', externalId: 'mg-gus-failed-1' },
    ]);
    expect(await bench.isSuppressed('gus.nomailbox@example.com')).toBe(true);
    expect(await bench.deliveryLog('gus.nomailbox@example.com')).toContainEqual(expect.objectContaining({ kind: 'bounced', smtpCode: 550, enhancedCode: '5.1.1' }));
  });

  it('stores the same event once when Mailgun sends it again with a new signature', async () => {
    expect(await bench.post('mailgun', signed('permanent-fail'))).toEqual({ status: 200, body: { received: 1, stored: 0 } });
    expect(await bench.stored('mailgun')).toHaveLength(1);
  });

  it('stores a temporary failure as deferred, without suppressing the address', async () => {
    expect((await bench.post('mailgun', signed('temporary-fail'))).status).toBe(200);
    expect((await bench.stored('mailgun')).find((event) => event.externalId === 'mg-quinn-failed-1')).toMatchObject({ kind: 'deferred', smtpCode: 452, enhancedCode: '4.2.2' });
    expect(await bench.isSuppressed('quinn.quota@example.com')).toBe(false);
  });

  it('stores a complaint about an address we never invited against it and suppresses it', async () => {
    expect((await bench.post('mailgun', signed('complained'))).status).toBe(200);
    expect((await bench.deliveryLog('walter.unknown@example.net')).map((event) => event.kind)).toEqual(['complained']);
    expect(await bench.isSuppressed('walter.unknown@example.net')).toBe(true);
  });

  it('refuses a wrong key, a stale timestamp, a replayed token and a missing signature with 401, storing nothing', async () => {
    const before = (await bench.stored('mailgun')).length;
    const fresh = (body: Record<string, unknown>) => {
      (body['event-data'] as Record<string, unknown>).id = `mg-forged-${randomBytes(4).toString('hex')}`;
    };
    expect((await bench.post('mailgun', signed('permanent-fail', { key: 'key-somebody-else-0000000000', change: fresh }))).status).toBe(401);
    expect((await bench.post('mailgun', signed('permanent-fail', { at: bench.server.now() - 10 * 60_000, change: fresh }))).status).toBe(401);
    const token = randomBytes(25).toString('hex');
    expect((await bench.post('mailgun', signed('temporary-fail', { token }))).status).toBe(200);
    expect((await bench.post('mailgun', signed('temporary-fail', { token, change: fresh }))).status).toBe(401);
    expect((await bench.post('mailgun', signed('permanent-fail', { change: (body) => { delete body.signature; fresh(body); } }))).status).toBe(401);
    expect(await bench.stored('mailgun')).toHaveLength(before);
  });

  it('answers a signed body without the documented event data 400, naming the field, and stores nothing', async () => {
    const before = (await bench.stored('mailgun')).length;
    const answer = await bench.post('mailgun', signed('permanent-fail', { change: (body) => { delete (body['event-data'] as Record<string, unknown>).recipient; } }));
    expect(answer).toMatchObject({ status: 400, body: { error: { kind: 'invalid_request', message: expect.stringContaining('event-data.recipient') } } });
    expect((await bench.post('mailgun', 'event=failed&recipient=x', { 'content-type': 'text/plain' })).status).toBe(400);
    expect(await bench.stored('mailgun')).toHaveLength(before);
  });
});
