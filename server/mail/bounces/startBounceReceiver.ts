import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import type { BaseLogger } from 'pino';
import { SMTPServer } from 'smtp-server';
import type { Database } from '../../store/Database.ts';
import { readSmtpData, smtpReply } from '../../demoMail/smtpServerParts.ts';
import { recordDeliveryEvents } from '../recordDeliveryEvents.ts';
import { readBounceMessage } from './readBounceMessage.ts';

export interface BounceReceiverOptions {
  db: Kysely<Database>;
  host: string;
  /** `BOUNCE_SMTP_PORT`; 0 asks the OS (tests). */
  port: number;
  /** The only address it takes mail for (our envelope sender, MAIL_BOUNCE_ADDRESS). */
  bounceAddress: string;
  clock?: () => number;
  log?: Pick<BaseLogger, 'info' | 'warn' | 'error'>;
}

export interface BounceReceiver {
  port: number;
  close(): Promise<void>;
}

const maxMessageBytes = 5 * 1024 * 1024;

/**
 * Our inbound SMTP server for bounces (smtp-server; no AUTH or STARTTLS, meant for loopback or
 * behind the MX that relays to it). It takes mail for the bounce address only (any other
 * recipient: 550 5.1.1 in the conversation), reads delivery-status notifications and feedback
 * reports (readBounceMessage) and stores their events through recordDeliveryEvents, which
 * suppresses the address after a hard bounce. Storing happens before the 250, so a database
 * failure answers 451 and the reporter retries; a report we cannot read is still accepted (there
 * is nobody to bounce a bounce to) and logged.
 */
export async function startBounceReceiver(options: BounceReceiverOptions): Promise<BounceReceiver> {
  const clock = options.clock ?? Date.now;
  const bounceAddress = options.bounceAddress.toLowerCase();
  const server = new SMTPServer({
    banner: 'Invite Doctor bounce receiver',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxMessageBytes,
    logger: false,
    closeTimeout: 1_000,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase() === bounceAddress) return callback();
      callback(smtpReply(550, `5.1.1 <${address.address}>: Recipient address rejected: User unknown (this server only takes bounces)`));
    },
    onData(stream, _session, callback) {
      void readSmtpData(stream, maxMessageBytes).then(async (raw) => {
        if (raw === null) return callback(smtpReply(552, '5.3.4 Message size exceeds fixed maximum message size'));
        const message = await readBounceMessage(raw, new Date(clock()));
        if (message.kind === 'ignored') {
          options.log?.info({ reason: message.reason }, 'bounce receiver ignored a mail');
          return callback(null, '2.0.0 Ok: read and ignored');
        }
        try {
          const events = await Promise.all(message.events.map(async (event) => {
            if (!event.messageId) return event;
            // Our own record of the mail names its address and purpose, even if the reporter rewrote the recipient.
            const sent = await options.db.selectFrom('mailOutbox').select(['email', 'purpose']).where('messageId', '=', event.messageId).executeTakeFirst();
            return sent ? { ...event, email: sent.email, purpose: sent.purpose } : event;
          }));
          const stored = await recordDeliveryEvents(options.db, events);
          options.log?.info({ reportType: message.reportType, events: events.length, stored }, 'bounce receiver stored a report');
          callback(null, '2.0.0 Ok: report stored');
        } catch (error) {
          options.log?.error({ err: error }, 'bounce receiver could not store a report');
          callback(smtpReply(451, '4.3.0 Error: could not store the report, try again later'));
        }
      }).catch((error: unknown) => {
        options.log?.error({ err: error }, 'bounce receiver failed on a mail');
        callback(smtpReply(451, '4.3.0 Error: local problem, try again later'));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => options.log?.warn({ err: error }, 'bounce receiver connection error'));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
