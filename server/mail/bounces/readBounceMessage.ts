import { createHash } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { DeliveryEventKind } from '../../../src/engine/InvitationBackend.ts';
import type { ReportedDeliveryEvent } from '../recordDeliveryEvents.ts';
import { readDeliveryStatus, recipientAddress, type PerRecipientFields } from './readDeliveryStatus.ts';

/** What one inbound mail to the bounce address turned out to be. */
export type BounceMessage =
  /** A delivery-status notification or a feedback report: the events it reports, not yet stored. */
  | { kind: 'report'; reportType: 'delivery-status' | 'feedback-report'; events: ReportedDeliveryEvent[] }
  /** Not a report we can read (an auto-reply, a human's answer, a malformed report): why, for the log. */
  | { kind: 'ignored'; reason: string };

/**
 * How RFC 3464 actions become delivery events: `failed` → bounced, `delayed` → deferred;
 * `delivered`, `relayed` (handed to a system that sends no further notifications) and `expanded`
 * (delivered to a list's members) → delivered, since they are the last word we will get.
 */
const actionKinds: Record<string, DeliveryEventKind> = { failed: 'bounced', delayed: 'deferred', delivered: 'delivered', relayed: 'delivered', expanded: 'delivered' };

/**
 * Reads an inbound mail to the bounce address (mailparser) and returns the delivery events it
 * reports: a multipart/report with report-type=delivery-status (RFC 3464) gives one event per
 * recipient group, a multipart/report with report-type=feedback-report (ARF, RFC 5965) a
 * `complained` event. Never throws; anything else is `ignored` with a reason. Each event carries
 * source `dsn`, the original mail's Message-ID from the returned headers (text/rfc822-headers or
 * message/rfc822), and externalId = the report's own Message-ID + recipient, so the same report
 * received twice stores once. `at` is when the report arrived.
 */
export async function readBounceMessage(raw: Buffer | string, at: Date): Promise<BounceMessage> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, { keepDeliveryStatus: true, skipHtmlToText: true, skipTextLinks: true });
  } catch (error) {
    return { kind: 'ignored', reason: `not a readable mail message (${error instanceof Error ? error.message : String(error)})` };
  }
  const contentType = parsed.headers.get('content-type');
  const type = typeof contentType === 'object' && contentType !== null && 'params' in contentType ? (contentType as { value: unknown; params: Record<string, unknown> }) : null;
  const reportType = String(type?.value).toLowerCase() === 'multipart/report' ? String(type?.params['report-type'] ?? '').toLowerCase() : null;
  const reportId = parsed.messageId?.replace(/^<|>$/g, '').trim() || `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  const originalMessageId = findOriginalMessageId(parsed);
  const attachment = (...types: string[]) => parsed.attachments.find((part) => types.includes(part.contentType.toLowerCase()));

  if (reportType === 'delivery-status') {
    const part = attachment('message/delivery-status', 'message/global-delivery-status');
    if (!part) return { kind: 'ignored', reason: 'a delivery-status report without a message/delivery-status part' };
    const status = readDeliveryStatus(part.content.toString('utf8'));
    if (!status.ok) return { kind: 'ignored', reason: `a malformed delivery-status report: ${status.error}` };
    const events = status.value.recipients.map((recipient) => dsnEvent(recipient, at, reportId, originalMessageId));
    return { kind: 'report', reportType, events };
  }
  if (reportType === 'feedback-report') {
    const part = attachment('message/feedback-report');
    if (!part) return { kind: 'ignored', reason: 'a feedback report without a message/feedback-report part' };
    const fields = readFields(part.content.toString('utf8'));
    const recipient = fields.get('original-rcpt-to') ?? findOriginalHeader(parsed, 'to');
    const email = recipient?.match(/[^\s<>;,]+@[^\s<>;,]+/)?.[0]?.toLowerCase();
    if (!email) return { kind: 'ignored', reason: 'a feedback report that names no recipient' };
    const feedbackType = fields.get('feedback-type')?.toLowerCase() ?? 'abuse';
    return {
      kind: 'report',
      reportType,
      events: [
        {
          at: at.toISOString(),
          email,
          kind: 'complained',
          text: `Feedback report (${feedbackType}): the recipient marked the mail as spam`,
          source: 'dsn',
          ...(originalMessageId ? { messageId: originalMessageId } : {}),
          externalId: `${reportId}:${email}`,
        },
      ],
    };
  }
  const autoSubmitted = parsed.headers.get('auto-submitted');
  return { kind: 'ignored', reason: autoSubmitted ? `an automatic reply (Auto-Submitted: ${String(autoSubmitted)}), not a report` : 'not a delivery-status or feedback report' };
}

function dsnEvent(recipient: PerRecipientFields, at: Date, reportId: string, messageId: string | null): ReportedDeliveryEvent {
  // The address as we sent it when the reporter kept it (Original-Recipient), else where it ended up.
  const email = recipientAddress(recipient.originalRecipient ?? recipient.finalRecipient);
  const diagnostic = recipient.diagnosticCode;
  const smtpCode = diagnostic?.type === 'smtp' ? Number(diagnostic.value.match(/^([245]\d\d)\b/)?.[1] ?? Number.NaN) : Number.NaN;
  const text = diagnostic ? diagnostic.value : `${recipient.action === 'failed' ? 'Delivery failed' : `Delivery ${recipient.action}`} with status ${recipient.status}`;
  return {
    at: at.toISOString(),
    email,
    kind: actionKinds[recipient.action] ?? 'bounced',
    ...(Number.isFinite(smtpCode) ? { smtpCode } : {}),
    enhancedCode: recipient.status,
    text,
    source: 'dsn',
    ...(messageId ? { messageId } : {}),
    externalId: `${reportId}:${email}`,
  };
}

/** The Message-ID of the mail the report is about, from its returned headers or the returned message. */
function findOriginalMessageId(parsed: ParsedMail): string | null {
  const value = findOriginalHeader(parsed, 'message-id');
  return value?.match(/<([^<>\s]+)>/)?.[1] ?? value?.trim().replace(/^<|>$/g, '') ?? null;
}

function findOriginalHeader(parsed: ParsedMail, name: string): string | null {
  const returned = parsed.attachments.find((part) => ['text/rfc822-headers', 'message/rfc822', 'message/global', 'message/global-headers'].includes(part.contentType.toLowerCase()));
  if (!returned) return null;
  const text = returned.content.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  return readFields(end < 0 ? text : text.slice(0, end)).get(name) ?? null;
}

/** Header-style fields of one group, lower-case names, folded lines unfolded; the first occurrence wins. */
function readFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | null = null;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^[ \t]/.test(line) && last) {
      fields.set(last, `${fields.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      last = null;
      continue;
    }
    const name = line.slice(0, colon).trim().toLowerCase();
    if (fields.has(name)) {
      last = null;
      continue;
    }
    fields.set(name, line.slice(colon + 1).trim());
    last = name;
  }
  return fields;
}
