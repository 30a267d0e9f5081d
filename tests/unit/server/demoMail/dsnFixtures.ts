/**
 * Delivery-status notifications in the styles of the big MTAs, written for these tests from
 * RFC 3464 and the vendors' documented layouts, with our own made-up hosts. `{MSGID}` is the
 * original mail's Message-ID (without angle brackets), `{TO}` the bounce address.
 */
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

export const postfixDsn = crlf(`Return-Path: <>
From: MAILER-DAEMON@mx1.postfixhost.example (Mail Delivery System)
To: {TO}
Subject: Undelivered Mail Returned to Sender
Date: Sun, 29 Nov 2026 20:00:05 +0000 (UTC)
Message-Id: <20261129200005.3F1A2C0123@mx1.postfixhost.example>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="3F1A2C0123.1795982405/mx1.postfixhost.example"

This is a MIME-encapsulated message.

--3F1A2C0123.1795982405/mx1.postfixhost.example
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx1.postfixhost.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<nobody@postfix-target.example>: host mx.postfix-target.example[192.0.2.10] said:
    550 5.1.1 <nobody@postfix-target.example>: Recipient address rejected:
    User unknown in virtual mailbox table (in reply to RCPT TO command)

--3F1A2C0123.1795982405/mx1.postfixhost.example
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx1.postfixhost.example
X-Postfix-Queue-ID: 3F1A2C0123
X-Postfix-Sender: rfc822; {TO}
Arrival-Date: Sun, 29 Nov 2026 20:00:04 +0000 (UTC)

Final-Recipient: rfc822; nobody@postfix-target.example
Original-Recipient: rfc822;Nobody@Postfix-Target.example
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.postfix-target.example
Diagnostic-Code: smtp; 550 5.1.1 <nobody@postfix-target.example>: Recipient
    address rejected: User unknown in virtual mailbox table

--3F1A2C0123.1795982405/mx1.postfixhost.example
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

Return-Path: <{TO}>
From: Invite Doctor <invites@app.example.com>
To: Nobody@Postfix-Target.example
Subject: You are invited
Message-ID: <{MSGID}>
Date: Sun, 29 Nov 2026 20:00:03 +0000

--3F1A2C0123.1795982405/mx1.postfixhost.example--
`);

export const eximDsn = crlf(`From: Mail Delivery System <Mailer-Daemon@smtp.eximhost.example>
To: {TO}
Subject: Mail delivery failed: returning message to sender
Message-Id: <E1vQx2a-0007Ab-3C@smtp.eximhost.example>
Date: Sun, 29 Nov 2026 20:01:00 +0000
Auto-Submitted: auto-replied
X-Failed-Recipients: gone@exim-target.example
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary=1795982460-eximdsn-1804289383

--1795982460-eximdsn-1804289383
Content-type: text/plain; charset=us-ascii

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  gone@exim-target.example
    host mx.exim-target.example [192.0.2.20]
    SMTP error from remote mail server after RCPT TO:<gone@exim-target.example>:
    550 5.2.1 Mailbox disabled, not accepting messages

--1795982460-eximdsn-1804289383
Content-type: message/delivery-status

Reporting-MTA: dns; smtp.eximhost.example

Action: failed
Final-Recipient: rfc822;gone@exim-target.example
Status: 5.0.0
Remote-MTA: dns; mx.exim-target.example
Diagnostic-Code: smtp; 550 5.2.1 Mailbox disabled, not accepting messages

--1795982460-eximdsn-1804289383
Content-type: message/rfc822

Return-path: <{TO}>
Message-ID: <{MSGID}>
From: Invite Doctor <invites@app.example.com>
To: gone@exim-target.example
Subject: You are invited

Open your invitation.

--1795982460-eximdsn-1804289383--
`);

export const exchangeDsn = crlf(`From: postmaster@outlookish.example
To: {TO}
Date: Sun, 29 Nov 2026 20:02:00 +0000
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="_000_AM0PR01MB1234_"
MIME-Version: 1.0
Message-ID: <a1b2c3d4-0000-4000-8000-000000000001@AM0PR01MB1234.eurprd01.prod.outlookish.example>
Subject: Undeliverable: You are invited
Auto-Submitted: auto-replied

--_000_AM0PR01MB1234_
Content-Type: multipart/alternative; boundary="_002_AM0PR01MB1234_"

--_002_AM0PR01MB1234_
Content-Type: text/plain; charset="us-ascii"

Your message to pat@fabrikam-like.example couldn't be delivered.
pat wasn't found at fabrikam-like.example.

--_002_AM0PR01MB1234_
Content-Type: text/html; charset="us-ascii"

<html><body><p>Your message to pat@fabrikam-like.example couldn't be delivered.</p></body></html>

--_002_AM0PR01MB1234_--

--_000_AM0PR01MB1234_
Content-Type: message/delivery-status

Reporting-MTA: dns;AM0PR01MB1234.eurprd01.prod.outlookish.example
Received-From-MTA: dns;mail.app.example.com
Arrival-Date: Sun, 29 Nov 2026 20:01:58 +0000

Original-Recipient: rfc822;pat@fabrikam-like.example
Final-Recipient: rfc822;pat@fabrikam-like.example
Action: failed
Status: 5.1.10
Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup
X-Display-Name: Pat

--_000_AM0PR01MB1234_
Content-Type: text/rfc822-headers

From: Invite Doctor <invites@app.example.com>
To: <pat@fabrikam-like.example>
Subject: You are invited
Message-ID: <{MSGID}>

--_000_AM0PR01MB1234_--
`);

export const gmailDsn = crlf(`From: Mail Delivery Subsystem <mailer-daemon@bigmail.example>
To: {TO}
Auto-Submitted: auto-replied
Subject: Delivery Status Notification (Failure)
Message-ID: <5f2e.dsn.abcdef@mx.bigmail.example>
Date: Sun, 29 Nov 2026 12:03:00 -0800
MIME-Version: 1.0
Content-Type: multipart/report; boundary="000000000000aaaa"; report-type=delivery-status

--000000000000aaaa
Content-Type: multipart/related; boundary="000000000000bbbb"

--000000000000bbbb
Content-Type: text/html; charset="UTF-8"

<html><p>Address not found</p><p>Your message wasn't delivered to lost@bigmail-user.example because the address couldn't be found.</p></html>

--000000000000bbbb--

--000000000000aaaa
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.bigmail.example
Received-From-MTA: dns; mail.app.example.com
Arrival-Date: Sun, 29 Nov 2026 12:02:58 -0800 (PST)
X-Original-Message-ID: <{MSGID}>

Final-Recipient: rfc822; lost@bigmail-user.example
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx-in.bigmail-user.example. (192.0.2.30, the server for the domain bigmail-user.example.)
Diagnostic-Code: smtp; 550-5.1.1 The email account you tried to reach does not exist. Please try
 550-5.1.1 double-checking the recipient's email address for typos or
 550 5.1.1 unnecessary spaces. x12-20020a05 - gsmtp
Last-Attempt-Date: Sun, 29 Nov 2026 12:03:00 -0800 (PST)

--000000000000aaaa
Content-Type: message/rfc822

Message-ID: <{MSGID}>
From: Invite Doctor <invites@app.example.com>
To: lost@bigmail-user.example
Subject: You are invited

Open your invitation.

--000000000000aaaa--
`);

export const delayedDsn = postfixDsn
  .replace('Message-Id: <20261129200005.3F1A2C0123@mx1.postfixhost.example>', 'Message-Id: <20261129200005.DELAY00001@mx1.postfixhost.example>')
  .replace('Action: failed', 'Action: delayed')
  .replace('Status: 5.1.1', 'Status: 4.4.1')
  .replace(/Diagnostic-Code: smtp; 550 5\.1\.1[^\r]*\r\n[^\r]*\r\n/, 'Diagnostic-Code: X-Postfix; connect to mx.postfix-target.example[192.0.2.10]:25: Connection timed out\r\n');

/** A report whose delivery-status part has no recipient group: logged and ignored. */
export const malformedDsn = crlf(`From: MAILER-DAEMON@broken.example
To: {TO}
Subject: Undelivered
Message-ID: <broken-1@broken.example>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="XX"

--XX
Content-Type: text/plain

Something went wrong.

--XX
Content-Type: message/delivery-status

Reporting-MTA: dns; broken.example
Action failed without a colon
Status

--XX--
`);

export const autoReply = crlf(`From: Ana <ana@example.com>
To: {TO}
Subject: Out of office
Message-ID: <ooo-1@example.com>
Auto-Submitted: auto-replied
Content-Type: text/plain

I am away until Monday.
`);

export const arfComplaint = crlf(`From: feedback@isp-loop.example
To: {TO}
Subject: Abuse report
Message-ID: <arf-1@isp-loop.example>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="ARF"

--ARF
Content-Type: text/plain

This is an email abuse report for an email message received from IP 192.0.2.1.

--ARF
Content-Type: message/feedback-report

Feedback-Type: abuse
User-Agent: ISPLoop/1.0
Version: 1
Original-Mail-From: <{TO}>
Original-Rcpt-To: <complainer@isp-user.example>
Arrival-Date: Sun, 29 Nov 2026 20:05:00 +0000

--ARF
Content-Type: text/rfc822-headers

Message-ID: <{MSGID}>
From: Invite Doctor <invites@app.example.com>
To: complainer@isp-user.example
Subject: You are invited

--ARF--
`);

export function fill(template: string, messageId: string, to: string): string {
  return template.replaceAll('{MSGID}', messageId).replaceAll('{TO}', to);
}
