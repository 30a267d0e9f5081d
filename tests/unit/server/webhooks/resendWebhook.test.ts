import { randomUUID } from 'node:crypto';
import { Webhook } from 'svix';
import { describe, expect, it } from 'vitest';
import { fixture, withWebhookServer } from './webhookBench.ts';

const secret = `whsec_${Buffer.from('resend-test-signing-secret-0123').toString('base64')}`;
const other = `whsec_${Buffer.from('somebody-elses-signing-secret-99').toString('base64')}`;
/** Headers as Svix sends them; Svix checks its timestamp against the real clock, so this one is real time. */
const signed = (body: string, options: { id?: string; key?: string; at?: Date } = {}) => {
  const id = options.id ?? `msg_${randomUUID()}`;
  const at = options.at ?? new Date();
  return { 'svix-id': id, 'svix-timestamp': String(Math.floor(at.getTime() / 1000)), 'svix-signature': new Webhook(options.key ?? secret).sign(id, at, body) };
};

describe('the Resend webhooks (Svix)', () => {
  const bench = withWebhookServer(() => ({ resend: { secret } }));

  it('stores a bounce with Resend\u2019s text verbatim, the code found in it, our Message-ID and the svix id; suppresses; shows it to the wizard', async () => {
    const body = fixture('resend', 'bounced');
    const headers = signed(body, { id: 'msg_bounce_gus_1' });
    expect(await bench.post('resend', body, headers)).toEqual({ status: 200, body: { received: 1, stored: 1 } });
    expect(await bench.stored('resend')).toEqual([
      { email: 'gus.nomailbox@example.com', kind: 'bounced', smtpCode: null, enhancedCode: '5.1.1', text: 'The recipient\u2019s mail server permanently rejected the email: 550 5.1.1 The email account you tried to reach does not exist.'.replace('\u2019', "'"), messageId: 'invite-gus-5@invite-doctor.test', externalId: 'msg_bounce_gus_1:gus.nomailbox@example.com' },
    ]);
    expect(await bench.isSuppressed('gus.nomailbox@example.com')).toBe(true);
    expect(await bench.deliveryLog('gus.nomailbox@example.com')).toContainEqual(expect.objectContaining({ kind: 'bounced', enhancedCode: '5.1.1' }));
  });

  it('stores a retried delivery (same svix-id, new signature) once', async () => {
    const body = fixture('resend', 'delivered');
    expect(await bench.post('resend', body, signed(body, { id: 'msg_delivered_ana_1' }))).toEqual({ status: 200, body: { received: 1, stored: 1 } });
    expect(await bench.post('resend', body, signed(body, { id: 'msg_delivered_ana_1' }))).toEqual({ status: 200, body: { received: 1, stored: 0 } });
    expect((await bench.stored('resend')).filter((event) => event.kind === 'delivered')).toEqual([expect.objectContaining({ email: 'ana.invited@example.com', messageId: 'invite-ana-4@invite-doctor.test' })]);
  });

  it('stores a complaint for an address we never invited against it and suppresses it', async () => {
    const body = fixture('resend', 'complained');
    expect((await bench.post('resend', body, signed(body))).status).toBe(200);
    expect((await bench.deliveryLog('walter.unknown@example.net')).map((event) => event.kind)).toEqual(['complained']);
    expect(await bench.isSuppressed('walter.unknown@example.net')).toBe(true);
  });

  it('refuses another secret, an old timestamp, a changed body and missing headers with 401, storing nothing', async () => {
    const before = (await bench.stored('resend')).length;
    const body = fixture('resend', 'bounced').replaceAll('gus.nomailbox', 'ana.invited');
    expect((await bench.post('resend', body, signed(body, { key: other }))).status).toBe(401);
    expect((await bench.post('resend', body, signed(body, { at: new Date(Date.now() - 60 * 60_000) }))).status).toBe(401);
    expect((await bench.post('resend', body, signed(fixture('resend', 'bounced')))).status).toBe(401);
    expect((await bench.post('resend', body)).status).toBe(401);
    expect(await bench.stored('resend')).toHaveLength(before);
    expect(await bench.isSuppressed('ana.invited@example.com')).toBe(false);
  });

  it('answers a signed body without the documented recipients 400 naming the field, storing nothing', async () => {
    const before = (await bench.stored('resend')).length;
    const body = JSON.stringify({ type: 'email.bounced', data: { email_id: 'x' } });
    expect(await bench.post('resend', body, signed(body))).toMatchObject({ status: 400, body: { error: { kind: 'invalid_request', message: expect.stringContaining('data.to') } } });
    expect(await bench.stored('resend')).toHaveLength(before);
  });
});
