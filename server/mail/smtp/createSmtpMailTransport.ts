import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { DeliveryEvent, NotSentReason } from '../../../src/engine/InvitationBackend.ts';
import { describeSmtp, type MailConfig, type SmtpSettings } from '../../config/loadMailConfig.ts';
import { composeMail } from '../composeMail.ts';
import type { MailTransport } from '../MailTransport.ts';
import { matchSendingSideReply } from './sendingSideReplies.ts';

/** What of nodemailer's error we read. */
interface SmtpError {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

/** System errors that mean the SMTP server could not be reached at all. */
const unreachable = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EADDRNOTAVAIL']);

/** A fresh Message-ID (without angle brackets) on our own host. */
export function newMessageId(host: string): string {
  return `${randomBytes(16).toString('hex')}@${host}`;
}

/**
 * Sends each mail over SMTP with nodemailer and turns the SMTP conversation into delivery events
 * (source `smtp`, the mail's Message-ID):
 * - 250: `sent` ("accepted by the relay") or, when the server is the recipient's own
 *   (`finalHop`), `delivered`, with the reply text;
 * - 5xx at MAIL/RCPT/DATA about the recipient: `bounced` with the code, enhanced code and the
 *   server's text verbatim; 4xx: `deferred` (the outbox retries);
 * - replies about our own account (see `sendingSideReplies`), refused authentication, an
 *   unreachable server: `not_sent` with the reason;
 * - no answer in time (greeting or any later reply): `deferred` saying so.
 * The first attempt's events begin with `sent` when the server took part in the conversation,
 * so every mail that left has a `sent`.
 *
 * Not pooled: the queue sends few mails (invitations, resets), each attempt is its own
 * conversation, so a failure (a timeout, a dropped connection) belongs to exactly one mail and one
 * attempt, and no idle connection is held open against a relay that limits them.
 */
export function createSmtpMailTransport(config: Pick<MailConfig, 'from' | 'bounceAddress' | 'messageIdHost'> & { smtp: SmtpSettings }): MailTransport {
  const { smtp } = config;
  const transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.auth ? { auth: { user: smtp.auth.user, pass: smtp.auth.pass } } : {}),
    name: config.messageIdHost,
    connectionTimeout: smtp.timeoutMs,
    greetingTimeout: smtp.timeoutMs,
    socketTimeout: smtp.timeoutMs,
    logger: false,
    debug: false,
  });
  const product = config.from.name;
  return {
    provider: describeSmtp(smtp),
    configured: true,
    close: () => transporter.close(),
    send: async (mail, at) => {
      const messageId = mail.messageId ?? newMessageId(config.messageIdHost);
      const composed = composeMail(mail, product);
      const base = { email: mail.to, source: 'smtp', messageId };
      const first = (mail.attempt ?? 1) <= 1;
      const handedOver = (): DeliveryEvent[] => (first ? [{ ...base, at: at.toISOString(), kind: 'sent', text: `Handed to ${describeSmtp(smtp)}` }] : []);
      try {
        const info = (await transporter.sendMail({
          envelope: { from: config.bounceAddress, to: [mail.to] },
          from: { name: config.from.name, address: config.from.address },
          to: mail.to,
          subject: composed.subject,
          text: composed.text,
          html: composed.html,
          messageId: `<${messageId}>`,
          date: at,
        })) as { response?: string };
        const text = info.response ?? '250 OK';
        const parsed = parseReply(text);
        if (!smtp.finalHop) return [{ ...base, at: at.toISOString(), kind: 'sent', text, ...codes(parsed) }];
        return [...handedOver(), { ...base, at: at.toISOString(), kind: 'delivered', text, ...codes(parsed) }];
      } catch (thrown) {
        const error = thrown as SmtpError;
        return eventsForFailure(error, { ...base, at: at.toISOString() }, handedOver, smtp, config.from.address);
      }
    },
  };
}

type EventBase = Pick<DeliveryEvent, 'email' | 'source' | 'messageId' | 'at'>;

function eventsForFailure(error: SmtpError, base: EventBase, handedOver: () => DeliveryEvent[], smtp: SmtpSettings, sender: string): DeliveryEvent[] {
  const notSent = (reason: NotSentReason, text: string, code?: number, enhancedCode?: string | null): DeliveryEvent[] => [
    { ...base, kind: 'not_sent', reason, text, ...(code ? { smtpCode: code } : {}), ...(enhancedCode ? { enhancedCode } : {}) },
  ];
  if (error.code === 'ETIMEDOUT') {
    return [...handedOver(), { ...base, kind: 'deferred', text: `the receiving server did not answer within ${formatSeconds(smtp.timeoutMs)} s` }];
  }
  if (typeof error.responseCode === 'number' && error.response) {
    const text = error.response;
    const { code, enhancedCode } = parseReply(text);
    const smtpCode = code ?? error.responseCode;
    const ours = error.code === 'EAUTH' ? 'auth_refused' : matchSendingSideReply({ code: smtpCode, enhancedCode, text, sender })?.reason;
    if (ours) return notSent(ours, text, smtpCode, enhancedCode);
    const kind = smtpCode >= 500 ? 'bounced' : 'deferred';
    return [...handedOver(), { ...base, kind, text, smtpCode, ...(enhancedCode ? { enhancedCode } : {}) }];
  }
  if (error.code === 'EAUTH' || error.code === 'ENOAUTH') return notSent('auth_refused', `${describeSmtp(smtp)} refused our credentials`);
  if (error.code === 'EDNS' || unreachable.has(error.originalCode ?? '') || (error.command === 'CONN' && error.code !== 'ECONNECTION')) {
    return notSent('connection_refused', `Could not connect to ${describeSmtp(smtp)} (${error.originalCode ?? error.code ?? 'no answer'})`);
  }
  // The conversation broke off without a reply (the connection dropped): try again later.
  return [...handedOver(), { ...base, kind: 'deferred', text: `The connection to ${describeSmtp(smtp)} broke off before it answered (${error.code ?? 'unknown error'})` }];
}

/** The reply code and enhanced status code of an SMTP reply such as `550 5.1.1 <x>: unknown`. */
export function parseReply(text: string): { code: number | null; enhancedCode: string | null } {
  const match = /^(\d{3})(?:[ -]+([245]\.\d{1,3}\.\d{1,3})\b)?/.exec(text.trim());
  return { code: match ? Number(match[1]) : null, enhancedCode: match?.[2] ?? null };
}

function codes(parsed: { code: number | null; enhancedCode: string | null }): Pick<DeliveryEvent, 'smtpCode' | 'enhancedCode'> {
  return { ...(parsed.code ? { smtpCode: parsed.code } : {}), ...(parsed.enhancedCode ? { enhancedCode: parsed.enhancedCode } : {}) };
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(seconds < 1 ? 2 : 1);
}
