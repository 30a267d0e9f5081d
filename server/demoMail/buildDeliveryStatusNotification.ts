import { randomBytes } from 'node:crypto';

export interface FailedRecipient {
  email: string;
  /** Enhanced status code, e.g. `5.1.1`. */
  status: string;
  /** The SMTP reply the next hop gave, e.g. `550 5.1.1 <x@y>: … User unknown`. */
  diagnostic: string;
}

export interface DeliveryStatusNotification {
  /** Reporting host, e.g. `mx.relay.example`. */
  reportingMta: string;
  /** Where the notification goes: the failed mail's envelope sender. */
  to: string;
  arrivalDate: Date;
  date: Date;
  recipients: readonly FailedRecipient[];
  /** The header section of the mail that failed (up to the blank line), CRLF line ends. */
  originalHeaders: string;
}

/**
 * An RFC 3464 delivery-status notification as a Postfix-like relay writes it: multipart/report
 * (report-type=delivery-status) with a human-readable part, the message/delivery-status part (a
 * per-message group with Reporting-MTA and Arrival-Date, then one group per recipient with
 * Final-Recipient, Action: failed, Status and Diagnostic-Code) and the original headers as
 * text/rfc822-headers. Returns the raw message and its Message-ID (with angle brackets).
 */
export function buildDeliveryStatusNotification(dsn: DeliveryStatusNotification): { raw: string; messageId: string } {
  const boundary = `${randomBytes(12).toString('hex')}/${dsn.reportingMta}`;
  const messageId = `<${randomBytes(12).toString('hex')}.dsn@${dsn.reportingMta}>`;
  const queueId = randomBytes(5).toString('hex').toUpperCase();
  const human = [
    `This is the mail system at host ${dsn.reportingMta}.`,
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients. It is attached below.',
    '',
    ...dsn.recipients.map((recipient) => `<${recipient.email}>: host mailstore.${dsn.reportingMta} said: ${recipient.diagnostic}`),
  ];
  const perRecipient = dsn.recipients.flatMap((recipient) => [
    '',
    `Final-Recipient: rfc822; ${recipient.email}`,
    `Original-Recipient: rfc822;${recipient.email}`,
    'Action: failed',
    `Status: ${recipient.status}`,
    `Remote-MTA: dns; mailstore.${dsn.reportingMta}`,
    // Long replies are folded as a real MTA folds them; readers must unfold.
    foldField(`Diagnostic-Code: smtp; ${recipient.diagnostic}`),
  ]);
  const lines = [
    `From: Mail Delivery System <MAILER-DAEMON@${dsn.reportingMta}>`,
    `To: ${dsn.to}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${dsn.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${messageId}`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="${boundary}"`,
    '',
    'This is a MIME-encapsulated message.',
    '',
    `--${boundary}`,
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    ...human,
    '',
    `--${boundary}`,
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; ${dsn.reportingMta}`,
    `X-Postfix-Queue-ID: ${queueId}`,
    `X-Postfix-Sender: rfc822; ${dsn.to}`,
    `Arrival-Date: ${dsn.arrivalDate.toUTCString().replace('GMT', '+0000')}`,
    ...perRecipient,
    '',
    `--${boundary}`,
    'Content-Description: Undelivered Message Headers',
    'Content-Type: text/rfc822-headers',
    '',
    dsn.originalHeaders.replace(/(\r?\n)+$/, ''),
    '',
    `--${boundary}--`,
    '',
  ];
  return { raw: lines.join('\r\n'), messageId };
}

/** Folds a header-style line at spaces so no line is longer than 78 characters. */
function foldField(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (rest.length > 78) {
    const cut = rest.lastIndexOf(' ', 78);
    if (cut <= 20) break;
    out.push(rest.slice(0, cut));
    rest = ` ${rest.slice(cut + 1)}`;
  }
  out.push(rest);
  return out.join('\r\n');
}
