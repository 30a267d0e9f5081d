import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixture, withWebhookServer } from './webhookBench.ts';

const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const signed = (body: string, key: KeyObject = privateKey, timestamp = '1741597300') => ({
  'x-twilio-email-event-webhook-timestamp': timestamp,
  'x-twilio-email-event-webhook-signature': sign('sha256', Buffer.from(timestamp + body), key).toString('base64'),
});

describe('the SendGrid event webhook', () => {
  const bench = withWebhookServer(() => ({ sendgrid: { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') } }));

  it('stores delivered and deferred events with the SMTP reply, our Message-ID and SendGrid\u2019s event id, skipping opens', async () => {
    const body = fixture('sendgrid', 'events');
    expect(await bench.post('sendgrid', body, signed(body))).toEqual({ status: 200, body: { received: 2, stored: 2 } });
    expect(await bench.stored('sendgrid')).toEqual([
      { email: 'ana.invited@example.com', kind: 'deferred', smtpCode: 451, enhancedCode: '4.7.1', text: '451 4.7.1 Greylisted, please try again later', messageId: 'invite-ana-1@invite-doctor.test', externalId: 'sg-ana-deferred-1' },
      { email: 'ana.invited@example.com', kind: 'delivered', smtpCode: 250, enhancedCode: '2.0.0', text: '250 2.0.0 OK', messageId: 'invite-ana-1@invite-doctor.test', externalId: 'sg-ana-delivered-1' },
    ]);
  });

  it('stores a retried batch once', async () => {
    const body = fixture('sendgrid', 'events');
    expect(await bench.post('sendgrid', body, signed(body, privateKey, '1741597999'))).toEqual({ status: 200, body: { received: 2, stored: 0 } });
    expect(await bench.stored('sendgrid')).toHaveLength(2);
  });

  it('stores a hard bounce with its code and text, suppresses the address and shows it in the wizard\u2019s delivery log', async () => {
    const body = fixture('sendgrid', 'bounce');
    expect((await bench.post('sendgrid', body, signed(body))).status).toBe(200);
    expect((await bench.stored('sendgrid')).find((event) => event.externalId === 'sg-gus-bounce-1')).toMatchObject({ email: 'gus.nomailbox@example.com', kind: 'bounced', smtpCode: 550, enhancedCode: '5.1.1', text: '550 5.1.1 The email account you tried to reach does not exist.' });
    expect(await bench.isSuppressed('gus.nomailbox@example.com')).toBe(true);
    expect(await bench.deliveryLog('gus.nomailbox@example.com')).toContainEqual(expect.objectContaining({ kind: 'bounced', enhancedCode: '5.1.1', text: '550 5.1.1 The email account you tried to reach does not exist.' }));
  });

  it('maps a drop for a bounced address to suppressed, and a spam report for an unknown address to a complaint stored against it', async () => {
    const body = fixture('sendgrid', 'dropped-and-spamreport');
    expect((await bench.post('sendgrid', body, signed(body))).status).toBe(200);
    const stored = await bench.stored('sendgrid');
    expect(stored.find((event) => event.externalId === 'sg-hana-dropped-1')).toMatchObject({ email: 'hana.suppressed@example.com', kind: 'suppressed', text: 'Bounced Address' });
    expect(stored.find((event) => event.externalId === 'sg-walter-spam-1')).toMatchObject({ email: 'walter.unknown@example.net', kind: 'complained' });
    expect(await bench.isSuppressed('walter.unknown@example.net')).toBe(true);
    expect((await bench.deliveryLog('walter.unknown@example.net')).map((event) => event.kind)).toEqual(['complained']);
  });

  it('refuses a signature from another key, a changed body or missing headers with 401 and stores nothing', async () => {
    const before = (await bench.stored('sendgrid')).length;
    const body = JSON.stringify([{ email: 'ana.invited@example.com', timestamp: 1741597300, event: 'bounce', sg_event_id: 'sg-forged-1', reason: '550 5.1.1 forged', status: '5.1.1' }]);
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    expect((await bench.post('sendgrid', body, signed(body, other))).status).toBe(401);
    expect((await bench.post('sendgrid', body, signed(body.replace('forged', 'forget')))).status).toBe(401);
    expect((await bench.post('sendgrid', body)).status).toBe(401);
    expect(await bench.stored('sendgrid')).toHaveLength(before);
    expect(await bench.isSuppressed('ana.invited@example.com')).toBe(false);
  });

  it('answers a malformed but signed body 400 naming the problem, and stores nothing', async () => {
    const before = (await bench.stored('sendgrid')).length;
    for (const body of ['{"not":"an array"}', 'not json', JSON.stringify([{ email: 'ana.invited@example.com', event: 'delivered', timestamp: 1741597300, sg_event_id: 'sg-ok-9' }, { email: 'not an address', event: 'bounce', sg_event_id: 'sg-bad-9' }])]) {
      const answer = await bench.post('sendgrid', body, signed(body));
      expect(answer.status, body).toBe(400);
      expect(answer.body).toMatchObject({ error: { kind: 'invalid_request', message: expect.any(String) } });
    }
    expect(await bench.stored('sendgrid')).toHaveLength(before);
  });
});
