import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SmtpSettings } from '../../../../server/config/loadMailConfig.ts';
import type { OutgoingMail } from '../../../../server/mail/MailTransport.ts';
import { createSmtpMailTransport } from '../../../../server/mail/smtp/createSmtpMailTransport.ts';
import { createUnconfiguredMailTransport } from '../../../../server/mail/smtp/createUnconfiguredMailTransport.ts';
import { closedPort, startScriptedSmtp, startSilentServer, type ScriptedSmtp } from './startScriptedSmtp.ts';

const at = new Date('2026-03-10T09:00:00.000Z');
const from = { address: 'invitations@app.example.com', name: 'Invite Doctor' };
const transportTo = (port: number, smtp: Partial<SmtpSettings> = {}) =>
  createSmtpMailTransport({
    from,
    bounceAddress: 'bounces@app.example.com',
    messageIdHost: 'app.example.com',
    smtp: { host: '127.0.0.1', port, secure: false, auth: null, finalHop: false, timeoutMs: 2_000, ...smtp },
  });
const mail = (to: string, extra: Partial<OutgoingMail> = {}): OutgoingMail => ({ to, purpose: 'invitation', link: 'https://app.example.com/invite/TOKEN', messageId: 'm1@app.example.com', ...extra });

describe('the SMTP transport', () => {
  let sink: ScriptedSmtp;
  beforeAll(async () => {
    sink = await startScriptedSmtp();
  });
  afterEach(() => {
    sink.rcpt = () => null;
  });
  afterAll(() => sink.close());

  it('says `sent` (accepted by the relay) for a 250 from a relay, with the reply text, source smtp and the Message-ID', async () => {
    const events = await transportTo(sink.port).send(mail('ana@example.com'), at);
    expect(events).toEqual([{ at: at.toISOString(), email: 'ana@example.com', kind: 'sent', source: 'smtp', messageId: 'm1@app.example.com', smtpCode: 250, enhancedCode: '2.0.0', text: expect.stringMatching(/^250 2\.0\.0 Ok: queued as Q\d+$/) }]);
    const got = sink.received.at(-1);
    expect(got).toMatchObject({ to: 'ana@example.com', envelopeFrom: 'bounces@app.example.com', messageId: '<m1@app.example.com>' });
  });

  it('says `delivered` for a 250 from the recipient’s own server (final hop), after `sent` on the first attempt only', async () => {
    const finalHop = transportTo(sink.port, { finalHop: true });
    expect((await finalHop.send(mail('ana@example.com'), at)).map((event) => event.kind)).toEqual(['sent', 'delivered']);
    expect((await finalHop.send(mail('ana@example.com', { attempt: 2 }), at)).map((event) => event.kind)).toEqual(['delivered']);
  });

  it('turns a 550 5.1.1 at RCPT into `bounced` with the code, enhanced code and the text verbatim', async () => {
    sink.rcpt = (address) => ({ code: 550, text: `5.1.1 <${address}>: Recipient address rejected: User unknown in virtual mailbox table` });
    const events = await transportTo(sink.port).send(mail('gus@example.com'), at);
    expect(events.map((event) => event.kind)).toEqual(['sent', 'bounced']);
    expect(events[1]).toMatchObject({ smtpCode: 550, enhancedCode: '5.1.1', text: '550 5.1.1 <gus@example.com>: Recipient address rejected: User unknown in virtual mailbox table', source: 'smtp', messageId: 'm1@app.example.com' });
  });

  it('turns a 4xx into `deferred`', async () => {
    sink.rcpt = () => ({ code: 451, text: '4.7.1 Greylisted, please try again later' });
    const events = await transportTo(sink.port).send(mail('grey@example.com', { attempt: 2 }), at);
    expect(events).toEqual([expect.objectContaining({ kind: 'deferred', smtpCode: 451, enhancedCode: '4.7.1', text: '451 4.7.1 Greylisted, please try again later' })]);
  });

  it('turns our quota reply into `not_sent` provider_rate_limited', async () => {
    sink.rcpt = () => ({ code: 454, text: 'Throttling failure: Daily message quota exceeded.' });
    expect(await transportTo(sink.port).send(mail('ana@example.com'), at)).toEqual([expect.objectContaining({ kind: 'not_sent', reason: 'provider_rate_limited', smtpCode: 454 })]);
  });

  it('turns a sandbox refusal into `not_sent` sandbox_recipient', async () => {
    sink.rcpt = (address) => ({ code: 554, text: `Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: ${address}` });
    expect(await transportTo(sink.port).send(mail('ana@example.com'), at)).toEqual([expect.objectContaining({ kind: 'not_sent', reason: 'sandbox_recipient' })]);
  });

  it('turns a refused login (535) into `not_sent` auth_refused, and never says the password', async () => {
    const guarded = await startScriptedSmtp({ credentials: { user: 'me', pass: 'right' } });
    try {
      const events = await transportTo(guarded.port, { auth: { user: 'me', pass: 'wrong-secret' } }).send(mail('ana@example.com'), at);
      expect(events).toEqual([expect.objectContaining({ kind: 'not_sent', reason: 'auth_refused', smtpCode: 535 })]);
      expect(JSON.stringify(events)).not.toContain('wrong-secret');
      expect(await transportTo(guarded.port, { auth: { user: 'me', pass: 'right' } }).send(mail('ana@example.com'), at)).toEqual([expect.objectContaining({ kind: 'sent' })]);
    } finally {
      await guarded.close();
    }
  });

  it('turns a refused connection into `not_sent` connection_refused', async () => {
    expect(await transportTo(await closedPort()).send(mail('ana@example.com'), at)).toEqual([expect.objectContaining({ kind: 'not_sent', reason: 'connection_refused', source: 'smtp' })]);
  });

  it('turns a server that never answers into `deferred`, saying how long it waited', async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      const events = await transportTo(silent.port, { timeoutMs: 150 }).send(mail('ana@example.com', { attempt: 2 }), at);
      expect(events).toEqual([expect.objectContaining({ kind: 'deferred', text: 'the receiving server did not answer within 0.15 s' })]);
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      await silent.close();
    }
  });

  it('without SMTP, says `not_sent` mail_not_configured for every mail', async () => {
    const transport = createUnconfiguredMailTransport();
    expect(transport.configured).toBe(false);
    expect(await transport.send(mail('ana@example.com'), at)).toEqual([expect.objectContaining({ kind: 'not_sent', reason: 'mail_not_configured', messageId: 'm1@app.example.com' })]);
  });
});
