import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBounceMessage } from '../../../../server/mail/bounces/readBounceMessage.ts';
import { readDeliveryStatus } from '../../../../server/mail/bounces/readDeliveryStatus.ts';
import { bounceAddress, smtpError, startDemoMailWorld, type DemoMailWorld } from './demoMailWorld.ts';
import { arfComplaint, autoReply, delayedDsn, eximDsn, exchangeDsn, fill, gmailDsn, malformedDsn, postfixDsn } from './dsnFixtures.ts';

const at = new Date('2026-11-29T20:10:00.000Z');
const read = (template: string, messageId = 'orig-1@app.example.com') => readBounceMessage(fill(template, messageId, bounceAddress), at);

describe('readDeliveryStatus', () => {
  it('reads per-message and per-recipient groups, unfolding folded lines and keeping vendor fields aside', () => {
    const result = readDeliveryStatus('Reporting-MTA: dns; mx.a.example\r\nX-Postfix-Queue-ID: ABC\r\n\r\nFinal-Recipient: rfc822; x@b.example\r\nAction: Failed\r\nStatus: 5.1.1 (user unknown)\r\nDiagnostic-Code: smtp; 550 5.1.1\r\n  no such user\r\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.perMessage.reportingMta).toEqual({ type: 'dns', value: 'mx.a.example' });
    expect(result.value.perMessage.fields.get('x-postfix-queue-id')).toBe('ABC');
    expect(result.value.recipients).toHaveLength(1);
    expect(result.value.recipients[0]).toMatchObject({ action: 'failed', status: '5.1.1', diagnosticCode: { type: 'smtp', value: '550 5.1.1 no such user' }, finalRecipient: { type: 'rfc822', value: 'x@b.example' } });
  });

  it('refuses a report without a usable recipient group, without throwing', () => {
    expect(readDeliveryStatus('Reporting-MTA: dns; a.example\n').ok).toBe(false);
    expect(readDeliveryStatus('Reporting-MTA: dns; a.example\n\nFinal-Recipient: rfc822; x@y.example\nAction: exploded\nStatus: 5.1.1\n').ok).toBe(false);
    expect(readDeliveryStatus('\u0000\u0001garbage:::\n\n:\n').ok).toBe(false);
  });
});

describe('readBounceMessage', () => {
  it('Postfix: a bounce for the address as we sent it (Original-Recipient), with the folded diagnostic unfolded', async () => {
    const message = await read(postfixDsn);
    expect(message).toMatchObject({ kind: 'report', reportType: 'delivery-status' });
    if (message.kind !== 'report') return;
    expect(message.events).toEqual([
      {
        at: at.toISOString(),
        email: 'nobody@postfix-target.example',
        kind: 'bounced',
        smtpCode: 550,
        enhancedCode: '5.1.1',
        text: '550 5.1.1 <nobody@postfix-target.example>: Recipient address rejected: User unknown in virtual mailbox table',
        source: 'dsn',
        messageId: 'orig-1@app.example.com',
        externalId: '20261129200005.3F1A2C0123@mx1.postfixhost.example:nobody@postfix-target.example',
      },
    ]);
  });

  it("Exim: Status 5.0.0 with the remote server's 5.2.1 in the diagnostic, Message-ID from the returned message", async () => {
    const message = await read(eximDsn, 'exim-orig@app.example.com');
    if (message.kind !== 'report') throw new Error(message.reason);
    expect(message.events[0]).toMatchObject({ email: 'gone@exim-target.example', kind: 'bounced', smtpCode: 550, enhancedCode: '5.0.0', messageId: 'exim-orig@app.example.com' });
    expect(message.events[0]?.text).toBe('550 5.2.1 Mailbox disabled, not accepting messages');
  });

  it('Exchange / Microsoft 365: 5.1.10 RecipientNotFound, human part in multipart/alternative', async () => {
    const message = await read(exchangeDsn, 'ex-orig@app.example.com');
    if (message.kind !== 'report') throw new Error(message.reason);
    expect(message.events[0]).toMatchObject({ email: 'pat@fabrikam-like.example', kind: 'bounced', smtpCode: 550, enhancedCode: '5.1.10', messageId: 'ex-orig@app.example.com' });
    expect(message.events[0]?.text).toMatch(/^550 5\.1\.10 RESOLVER\.ADR\.RecipientNotFound/);
  });

  it('Gmail: a multi-line 550-5.1.1 diagnostic', async () => {
    const message = await read(gmailDsn, 'gm-orig@app.example.com');
    if (message.kind !== 'report') throw new Error(message.reason);
    expect(message.events[0]).toMatchObject({ email: 'lost@bigmail-user.example', kind: 'bounced', smtpCode: 550, enhancedCode: '5.1.1', messageId: 'gm-orig@app.example.com' });
    expect(message.events[0]?.text).toMatch(/^550-5\.1\.1 The email account you tried to reach does not exist\..* gsmtp$/);
  });

  it('a delayed report becomes a deferred event; a non-smtp diagnostic has no reply code', async () => {
    const message = await read(delayedDsn);
    if (message.kind !== 'report') throw new Error(message.reason);
    expect(message.events[0]).toMatchObject({ kind: 'deferred', enhancedCode: '4.4.1' });
    expect(message.events[0]?.smtpCode).toBeUndefined();
    expect(message.events[0]?.text).toMatch(/Connection timed out/);
  });

  it('an ARF feedback report becomes a complained event for the original recipient', async () => {
    const message = await read(arfComplaint, 'arf-orig@app.example.com');
    if (message.kind !== 'report') throw new Error(message.reason);
    expect(message.events).toMatchObject([{ kind: 'complained', email: 'complainer@isp-user.example', messageId: 'arf-orig@app.example.com', source: 'dsn' }]);
  });

  it('ignores a malformed report, an auto-reply and garbage with a reason', async () => {
    expect(await read(malformedDsn)).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/malformed delivery-status report/) });
    expect(await read(autoReply)).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/automatic reply/) });
    expect(await readBounceMessage('\u0000\u0000 not mail at all', at)).toMatchObject({ kind: 'ignored' });
  });
});

describe('bounce receiver (real SMTP conversations)', () => {
  let world: DemoMailWorld;
  beforeAll(async () => {
    world = await startDemoMailWorld();
  }, 60_000);
  afterAll(async () => {
    await world.close();
  });
  const stored = (email: string) => world.store.db.selectFrom('deliveryEvents').selectAll().where('email', '=', email).execute();

  it('refuses any recipient but the bounce address with 550 5.1.1 in the conversation', async () => {
    const error = await world.deliverToReceiver(fill(postfixDsn, 'x@app.example.com', 'someone@app.example.com'), 'someone@app.example.com').then(
      () => null,
      (thrown: unknown) => smtpError(thrown),
    );
    expect(error?.responseCode).toBe(550);
    expect(error?.response).toMatch(/^550 5\.1\.1 /);
  });

  it('stores a DSN received twice once, and suppresses the address after the hard bounce', async () => {
    const raw = fill(gmailDsn, 'twice@app.example.com', bounceAddress);
    expect(await world.deliverToReceiver(raw)).toMatch(/^250 /);
    expect(await world.deliverToReceiver(raw)).toMatch(/^250 /);
    expect(await stored('lost@bigmail-user.example')).toMatchObject([{ kind: 'bounced', source: 'dsn', messageId: 'twice@app.example.com', enhancedCode: '5.1.1' }]);
    expect(await world.store.db.selectFrom('suppressions').select('reason').where('email', '=', 'lost@bigmail-user.example').executeTakeFirst()).toEqual({ reason: 'hard_bounce' });
  });

  it('accepts a malformed report with 250 and stores nothing, and keeps serving', async () => {
    expect(await world.deliverToReceiver(fill(malformedDsn, 'm@app.example.com', bounceAddress))).toMatch(/^250 /);
    expect(await world.store.db.selectFrom('deliveryEvents').select('id').where('messageId', '=', 'm@app.example.com').execute()).toEqual([]);
    expect(await world.deliverToReceiver(fill(exchangeDsn, 'after@app.example.com', bounceAddress))).toMatch(/^250 /);
    expect(await stored('pat@fabrikam-like.example')).toHaveLength(1);
  });
});
