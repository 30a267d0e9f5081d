import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import type { BaseLogger } from 'pino';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { MailRules } from '../../src/adapters/index.ts';
import type { Database } from '../store/Database.ts';
import { buildDeliveryStatusNotification, type FailedRecipient } from './buildDeliveryStatusNotification.ts';
import { createGreylist } from './createGreylist.ts';
import { decideRecipient } from './decideRecipient.ts';
import { readSmtpData, smtpReply } from './smtpServerParts.ts';
import { sinkOnlyRules, type SinkOnlyRules } from './sinkOnlyRules.ts';

export interface DemoMailSinkOptions {
  db: Kysely<Database>;
  /** Loopback only: the sink takes mail from anyone, without authentication. */
  host: string;
  /** 0 asks the OS (tests). */
  port: number;
  /** The demo seed's mail rules (no MX, unknown mailboxes, the blocking filter, greylisting domains). */
  rules: MailRules;
  greylistDelayMs: number;
  /** How long a relay that bounces later waits before sending its delivery-status notification. */
  dsnDelayMs: number;
  /** How long the slow mailbox's server takes to answer RCPT TO. */
  slowReplyMs: number;
  /** Where notifications are delivered: in the demo world, every envelope sender's mail server is the bounce receiver. */
  bounceTo: { host: string; port: number };
  clock?: () => number;
  log?: Pick<BaseLogger, 'info' | 'warn' | 'error'>;
  sinkOnly?: SinkOnlyRules;
}

export interface DemoMailSink {
  /** The port it listens on (the OS's choice when asked for 0). */
  port: number;
  /** Stops listening, cancels pending notifications and slow replies, and drops stalled connections after a second. */
  close(): Promise<void>;
}

const reportingMta = 'mx.relay.example';
const maxMessageBytes = 10 * 1024 * 1024;

/**
 * The demo world's receiving side as one SMTP server (smtp-server; no AUTH, no STARTTLS: it only
 * listens on loopback and nothing leaves the machine). It plays every recipient's mail server and
 * our own relay: it decides at RCPT TO (and after DATA for content and DMARC filters) from the
 * demo's mail rules and {@link sinkOnlyRules}, stores accepted mail in `demo_inbox` for the demo
 * inbox page, and for relays that accept first and bounce later, sends an RFC 3464 notification
 * to the envelope sender a few seconds later, by SMTP, to the bounce receiver.
 */
export async function startDemoMailSink(options: DemoMailSinkOptions): Promise<DemoMailSink> {
  const clock = options.clock ?? Date.now;
  const extra = options.sinkOnly ?? sinkOnlyRules;
  const greylist = createGreylist(options.greylistDelayMs, clock);
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };
  const fate = (address: string) => decideRecipient(address, options.rules, extra);
  const senderOf = (session: SMTPServerSession) => (session.envelope.mailFrom ? session.envelope.mailFrom.address : '');

  const server = new SMTPServer({
    banner: 'demo mail world (Invite Doctor), nothing leaves this machine',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxMessageBytes,
    logger: false,
    closeTimeout: 1_000,
    onRcptTo(address, session, callback) {
      const recipient = address.address.toLowerCase();
      const decided = fate(recipient);
      switch (decided.kind) {
        case 'refuse':
          return callback(smtpReply(decided.code, decided.text));
        case 'greylist':
          if (greylist.passes(senderOf(session), recipient, session.remoteAddress)) return callback();
          return callback(smtpReply(451, `4.7.1 <${recipient}>: Recipient address rejected: Greylisted, please try again in ${Math.ceil(options.greylistDelayMs / 1000)} seconds`));
        case 'stall':
          // Never answer: the client's own timeout ends the conversation, as with a hung server.
          return;
        case 'slow':
          return later(options.slowReplyMs, () => callback());
        default:
          return callback();
      }
    },
    onData(stream, session, callback) {
      void readSmtpData(stream, maxMessageBytes).then(async (raw) => {
        if (raw === null) return callback(smtpReply(552, '5.3.4 Message size exceeds fixed maximum message size'));
        const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
        const fates = recipients.map((recipient) => ({ recipient, fate: fate(recipient) }));
        const refused = fates.find(({ fate: f }) => f.kind === 'refuseAfterData');
        if (refused?.fate.kind === 'refuseAfterData') return callback(smtpReply(refused.fate.code, refused.fate.text));
        const queueId = randomBytes(5).toString('hex').toUpperCase();
        try {
          const parsed = await simpleParser(raw);
          const messageId = parsed.messageId?.replace(/^<|>$/g, '') ?? null;
          const receivedAt = new Date(clock());
          const inbox = fates.filter(({ fate: f }) => f.kind !== 'bounceLater').map(({ recipient }) => recipient);
          if (inbox.length > 0) {
            await options.db
              .insertInto('demoInbox')
              .values(
                inbox.map((email) => ({
                  email,
                  receivedAt,
                  messageId,
                  envelopeFrom: senderOf(session) || null,
                  subject: parsed.subject ?? null,
                  text: parsed.text ?? null,
                  html: typeof parsed.html === 'string' ? parsed.html : null,
                })),
              )
              .execute();
          }
          const failing: FailedRecipient[] = fates.flatMap(({ recipient, fate: f }) => (f.kind === 'bounceLater' ? [{ email: recipient, status: f.status, diagnostic: f.diagnostic }] : []));
          const sender = senderOf(session);
          // Never bounce a bounce: mail with an empty envelope sender gets no notification (RFC 3464 §4).
          if (failing.length > 0 && sender) later(options.dsnDelayMs, () => void sendNotification(sender, raw, failing, new Date(receivedAt)));
          callback(null, `2.0.0 Ok: queued as ${queueId}`);
        } catch (error) {
          options.log?.error({ err: error }, 'demo mail sink could not store a mail');
          callback(smtpReply(451, '4.3.0 Error: queue file write error, try again later'));
        }
      }).catch((error: unknown) => {
        options.log?.error({ err: error }, 'demo mail sink failed on a mail');
        callback(smtpReply(451, '4.3.0 Error: local problem, try again later'));
      });
    },
  });

  async function sendNotification(sender: string, raw: Buffer, recipients: FailedRecipient[], arrivalDate: Date): Promise<void> {
    const text = raw.toString('utf8');
    const end = text.search(/\r?\n\r?\n/);
    const originalHeaders = end < 0 ? text : text.slice(0, end);
    const dsn = buildDeliveryStatusNotification({ reportingMta, to: sender, arrivalDate, date: new Date(clock()), recipients, originalHeaders });
    const transport = nodemailer.createTransport({ host: options.bounceTo.host, port: options.bounceTo.port, secure: false, ignoreTLS: true, name: reportingMta, connectionTimeout: 5_000, socketTimeout: 10_000 });
    try {
      // MAIL FROM:<> as every notification is sent, so it can never cause another.
      await transport.sendMail({ envelope: { from: '', to: [sender] }, raw: dsn.raw });
      options.log?.info({ to: sender, recipients: recipients.length }, 'demo relay sent a delivery-status notification');
    } catch (error) {
      options.log?.warn({ err: error, to: sender }, 'demo relay could not deliver its delivery-status notification');
    } finally {
      transport.close();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => options.log?.warn({ err: error }, 'demo mail sink connection error'));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
