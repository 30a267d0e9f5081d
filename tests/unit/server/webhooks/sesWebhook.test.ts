import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixture, withWebhookServer } from './webhookBench.ts';

const topicArn = 'arn:aws:sns:eu-west-1:123456789012:invite-doctor-ses';
const certUrl = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem';
const ours = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const fetched: string[] = [];

/** An SNS message signed as SNS signs (SignatureVersion 2: SHA256 with RSA over the canonical string). */
function snsMessage(type: 'Notification' | 'SubscriptionConfirmation', message: string, options: { messageId?: string; key?: typeof ours.privateKey; topic?: string; certUrl?: string } = {}): string {
  const fields: Record<string, string> = {
    Type: type,
    MessageId: options.messageId ?? randomUUID(),
    TopicArn: options.topic ?? topicArn,
    Message: message,
    Timestamp: '2025-03-10T09:01:31.000Z',
    ...(type === 'SubscriptionConfirmation' ? { Token: 'token-from-sns', SubscribeURL: `https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${topicArn}&Token=token-from-sns` } : {}),
  };
  const keys = type === 'Notification' ? ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
  const canonical = keys.filter((key) => key in fields).map((key) => `${key}\n${fields[key]}\n`).join('');
  const signature = sign('sha256', Buffer.from(canonical), options.key ?? ours.privateKey).toString('base64');
  return JSON.stringify({ ...fields, SignatureVersion: '2', Signature: signature, SigningCertURL: options.certUrl ?? certUrl, UnsubscribeURL: 'https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe' });
}
const asSns = { 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-type': 'Notification' };

describe('the Amazon SES notifications through SNS', () => {
  const bench = withWebhookServer(() => ({
    ses: { topicArn },
    fetchCertificate: async (url) => {
      fetched.push(url);
      return ours.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    },
  }));

  it('stores a permanent bounce with the diagnostic code verbatim, our Message-ID from the original headers and the SNS message id; suppresses; shows it to the wizard', async () => {
    const messageId = randomUUID();
    expect(await bench.post('ses', snsMessage('Notification', fixture('ses', 'bounce'), { messageId }), asSns)).toEqual({ status: 200, body: { received: 1, stored: 1 } });
    expect(await bench.stored('ses')).toEqual([
      { email: 'gus.nomailbox@example.com', kind: 'bounced', smtpCode: 550, enhancedCode: '5.1.1', text: 'smtp; 550 5.1.1 <gus.nomailbox@example.com>... User unknown', messageId: 'invite-gus-4@invite-doctor.test', externalId: `${messageId}:gus.nomailbox@example.com` },
    ]);
    expect(await bench.isSuppressed('gus.nomailbox@example.com')).toBe(true);
    expect(await bench.deliveryLog('gus.nomailbox@example.com')).toContainEqual(expect.objectContaining({ kind: 'bounced', enhancedCode: '5.1.1' }));
    // The certificate came through the injected fetch, once, and is cached.
    await bench.post('ses', snsMessage('Notification', fixture('ses', 'delivery')), asSns);
    expect(fetched).toEqual([certUrl]);
  });

  it('stores a redelivered SNS message once', async () => {
    const message = snsMessage('Notification', fixture('ses', 'complaint'));
    expect(await bench.post('ses', message, asSns)).toEqual({ status: 200, body: { received: 1, stored: 1 } });
    expect(await bench.post('ses', message, asSns)).toEqual({ status: 200, body: { received: 1, stored: 0 } });
    expect((await bench.deliveryLog('walter.unknown@example.net')).map((event) => event.kind)).toEqual(['complained']);
    expect(await bench.isSuppressed('walter.unknown@example.net')).toBe(true);
  });

  it('stores a delivery with SES\u2019s SMTP response', async () => {
    expect((await bench.stored('ses')).find((event) => event.kind === 'delivered')).toMatchObject({ email: 'ana.invited@example.com', smtpCode: 250, text: '250 2.6.0 Message received', messageId: 'invite-ana-3@invite-doctor.test' });
  });

  it('logs a subscription confirmation for the operator and never fetches its SubscribeURL', async () => {
    const before = fetched.length;
    expect(await bench.post('ses', snsMessage('SubscriptionConfirmation', 'You have chosen to subscribe to the topic.'), { ...asSns, 'x-amz-sns-message-type': 'SubscriptionConfirmation' })).toEqual({ status: 200, body: { received: 0, stored: 0 } });
    expect(fetched.length).toBe(before);
  });

  it('refuses a forged signature, a certificate outside amazonaws.com and another topic with 401, storing nothing', async () => {
    const before = (await bench.stored('ses')).length;
    const bounce = fixture('ses', 'bounce').replaceAll('gus.nomailbox', 'ana.invited');
    expect((await bench.post('ses', snsMessage('Notification', bounce, { key: stranger.privateKey }), asSns)).status).toBe(401);
    expect((await bench.post('ses', snsMessage('Notification', bounce, { certUrl: 'https://sns.eu-west-1.amazonaws.com.evil.example/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem' }), asSns)).status).toBe(401);
    expect((await bench.post('ses', snsMessage('Notification', bounce, { topic: 'arn:aws:sns:eu-west-1:999999999999:someone-else' }), asSns)).status).toBe(401);
    const tampered = JSON.parse(snsMessage('Notification', fixture('ses', 'bounce'))) as Record<string, string>;
    tampered.Message = bounce;
    expect((await bench.post('ses', JSON.stringify(tampered), asSns)).status).toBe(401);
    expect(await bench.stored('ses')).toHaveLength(before);
    expect(await bench.isSuppressed('ana.invited@example.com')).toBe(false);
  });

  it('answers 400 for a body that is not an SNS message, or a signed message that is not an SES notification, storing nothing', async () => {
    const before = (await bench.stored('ses')).length;
    expect((await bench.post('ses', 'hello', asSns)).status).toBe(400);
    expect((await bench.post('ses', JSON.stringify({ Type: 'Notification' }), asSns)).status).toBe(400);
    const answer = await bench.post('ses', snsMessage('Notification', 'not json'), asSns);
    expect(answer).toMatchObject({ status: 400, body: { error: { kind: 'invalid_request', message: expect.stringContaining('SES notification') } } });
    expect(await bench.stored('ses')).toHaveLength(before);
  });
});
