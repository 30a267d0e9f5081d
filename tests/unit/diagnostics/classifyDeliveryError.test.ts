// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  classifyDeliveryError,
  deliveryActions,
  deliveryCategories,
  type DeliveryAction,
  type DeliveryCategory,
} from '../../../src/diagnostics/index.ts';

// Written for these tests in the style of each provider's bounces; addresses and hosts are made up.
const providerTexts: [string, string, DeliveryAction, DeliveryCategory][] = [
  // Gmail's wording, shortened: the full sentence is quoted in the seed articles, which stay reference.
  ['Gmail', '550-5.1.1 The email account you tried to reach does not exist. Check the address for typos. - gsmtp', 'fix-address', 'bad-mailbox'],
  ['Gmail', '550-5.2.1 The email account that you tried to reach is disabled. Learn more at https://support.google.com/mail', 'fix-address', 'mailbox-disabled'],
  ['Gmail', "552-5.2.2 The recipient's inbox is out of storage space and inactive. Please direct the recipient to free some space.", 'wait-full-mailbox', 'mailbox-full'],
  ['Gmail', '550-5.7.1 [203.0.113.9] Our system has detected that this message is likely unsolicited mail. To reduce spam, it has been blocked.', 'allow-list-sender', 'blocked'],
  ['Gmail', '550-5.7.26 This message fails to pass authentication checks (SPF and DKIM both did not pass) and has been blocked.', 'fix-sending-setup', 'sender-setup'],
  ['Gmail', '550-5.7.25 The IP address sending this message does not have a PTR record set up.', 'fix-sending-setup', 'sender-setup'],
  ['Gmail', '450-4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.', 'wait-and-retry', 'temporary'],
  ['Gmail', '421-4.7.0 [203.0.113.9] Mail from your IP has been temporarily rate limited due to an unusual rate of unsolicited mail.', 'wait-and-retry', 'temporary'],
  ['Gmail', '421-4.7.28 Unusual rate of unsolicited mail from your IP netblock; try again after some time.', 'allow-list-sender', 'blocked'],
  ['Gmail', 'DNS Error: the domain name example-invalid.test was not found (NXDOMAIN).', 'fix-address', 'bad-domain'],
  ['Gmail', "The recipient server did not accept our requests to connect. [mx.example.net: timed out]", 'wait-and-retry', 'temporary'],
  ['Outlook', '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient jane@example.com not found by SMTP address lookup', 'fix-address', 'bad-mailbox'],
  ['Outlook', '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found', 'fix-address', 'bad-mailbox'],
  ['Outlook', '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException', 'wait-full-mailbox', 'mailbox-full'],
  ['Office 365', '550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [BN8NAM.prod.outlook.com]', 'fix-address', 'bad-mailbox'],
  ['Office 365', '550 5.7.606 Access denied, banned sending IP [203.0.113.50].', 'allow-list-sender', 'blocked'],
  ['Office 365', '550 5.7.509 Access denied, sending domain EXAMPLE.ORG does not pass DMARC verification.', 'fix-sending-setup', 'sender-setup'],
  ['Exchange', '550 5.7.1 Unable to relay for jane@example.com', 'fix-sending-setup', 'sender-setup'],
  ['Exchange', '452 4.3.1 Insufficient system resources', 'wait-and-retry', 'temporary'],
  ['Exchange', 'Delivery has failed to these recipients. The e-mail address you entered couldn\u2019t be found. Please check the recipient\u2019s e-mail address and try again.', 'fix-address', 'bad-mailbox'],
  ['Yahoo', '554 delivery error: dd Sorry, your message to jane@example.com cannot be delivered. This mailbox is disabled (554.30).', 'fix-address', 'mailbox-disabled'],
  ['Yahoo', "554 delivery error: dd This user doesn't have an example.com account (jane@example.com) [0]", 'fix-address', 'bad-mailbox'],
  ['Yahoo', '421 4.7.0 [TSS04] Messages from 203.0.113.7 temporarily deferred due to user complaints.', 'allow-list-sender', 'blocked'],
  ['Yahoo', "553 5.7.1 [BL21] Connections will not be accepted from 203.0.113.7, because the ip is in Spamhaus's list.", 'allow-list-sender', 'blocked'],
  ['Postfix', '550 5.1.1 <jane@example.org>: Recipient address rejected: User unknown in virtual mailbox table', 'fix-address', 'bad-mailbox'],
  ['Postfix', '450 4.7.1 <jane@example.org>: Recipient address rejected: Greylisted for 5 minutes', 'wait-and-retry', 'greylisted'],
  ['Postfix', '554 5.7.1 Service unavailable; Client host [203.0.113.4] blocked using zen.spamhaus.org', 'allow-list-sender', 'blocked'],
  ['Postfix', 'connect to mx.example.org[198.51.100.7]:25: Connection refused', 'wait-and-retry', 'temporary'],
  ['Postfix', 'Host or domain name not found. Name service error for name=example.test type=MX: Host not found, try again', 'wait-and-retry', 'temporary'],
  ['Postfix', 'Host or domain name not found. Name service error for name=exmaple.com type=A: Host not found', 'fix-address', 'bad-domain'],
  ['Postfix', '554 5.7.1 <jane@example.org>: Relay access denied', 'fix-sending-setup', 'sender-setup'],
  ['Postfix', '552 5.2.2 <jane@example.org>: Recipient address rejected: mailbox over quota', 'wait-full-mailbox', 'mailbox-full'],
  ['Exim', 'SMTP error from remote mail server after RCPT TO:<jane@example.org>: 550 Unrouteable address', 'fix-address', 'bad-domain'],
  ['Exim', 'all relevant MX records point to non-existent hosts', 'fix-address', 'bad-domain'],
  ['Exim', 'retry time not reached for any host for example.org after a long failure period', 'wait-and-retry', 'temporary'],
  ['Exim', 'SMTP error from remote mail server after end of data: 552 Message size exceeds maximum permitted', 'fix-sending-setup', 'sender-setup'],
  ['Exim', 'Mailbox quota exceeded', 'wait-full-mailbox', 'mailbox-full'],
  ['Sendmail', '550 5.1.1 <jane@example.org>... User unknown', 'fix-address', 'bad-mailbox'],
  ['Sendmail', 'Deferred: Connection timed out with mx.example.org.', 'wait-and-retry', 'temporary'],
  ['Sendmail', 'Cannot send message for 5 days', 'wait-and-retry', 'temporary'],
  ['Sendmail', '553 5.3.0 <jane@example.org>... Address does not exist', 'fix-address', 'bad-mailbox'],
  ['qmail', 'Sorry, no mailbox here by that name. (#5.1.1)', 'fix-address', 'bad-mailbox'],
  ['qmail', "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)", 'wait-and-retry', 'temporary'],
  ['qmail', "Sorry, I couldn't find any host by that name. (#4.1.2)", 'wait-and-retry', 'temporary'],
  ['Mailgun', 'Not delivering to previously bounced address', 'resend-suppressed', 'suppressed'],
  ['Mailgun', 'Not delivering to a user who marked your messages as spam', 'resend-suppressed', 'suppressed'],
  ['Mailgun', 'Not delivering to unsubscribed address', 'resend-suppressed', 'suppressed'],
  ['SendGrid', 'Bounced Address', 'resend-suppressed', 'suppressed'],
  ['SendGrid', 'Spam Reporting Address', 'resend-suppressed', 'suppressed'],
  ['SendGrid', '550 5.1.1 The recipient mailbox does not exist', 'fix-address', 'bad-mailbox'],
  ['Amazon SES', 'Amazon SES did not send the message to this address because it is on the suppression list for your account.', 'resend-suppressed', 'suppressed'],
  ['Amazon SES', 'smtp; 550 5.1.1 user unknown', 'fix-address', 'bad-mailbox'],
  ['Postmark', 'You tried to send to a recipient that has been marked as inactive.', 'resend-suppressed', 'suppressed'],
  ['SparkPost', '554 5.7.1 recipient address was suppressed due to customer policy', 'resend-suppressed', 'suppressed'],
  ['auto-reply', 'Thank you for your message. I am out of the office until Monday with limited access to email.', 'not-a-bounce', 'not-a-bounce'],
  ['auto-reply', 'Automatic reply: Your invitation to Acme', 'not-a-bounce', 'not-a-bounce'],
  ['ARF', 'This is an email abuse report for a message received from IP 198.51.100.3', 'not-a-bounce', 'not-a-bounce'],
  ['DSN', 'Your message has been delivered to the following recipients: jane@example.org', 'not-a-bounce', 'not-a-bounce'],
  ['DSN', '250 2.0.0 OK queued as 4XyZ', 'not-a-bounce', 'not-a-bounce'],
  ['German', 'Die Nachricht konnte nicht zugestellt werden: Empfänger unbekannt', 'fix-address', 'bad-mailbox'],
  ['German', 'Vorübergehender Fehler, bitte versuchen Sie es später erneut', 'wait-and-retry', 'temporary'],
  ['French', 'Boîte aux lettres pleine, veuillez réessayer plus tard', 'wait-full-mailbox', 'mailbox-full'],
  ['French', "L'adresse du destinataire est inconnue", 'fix-address', 'bad-mailbox'],
  ['Spanish', 'El usuario no existe en este servidor', 'fix-address', 'bad-mailbox'],
  ['Spanish', 'Buzón lleno', 'wait-full-mailbox', 'mailbox-full'],
  ['Italian', 'Casella piena, impossibile consegnare il messaggio', 'wait-full-mailbox', 'mailbox-full'],
  ['Italian', 'Utente sconosciuto', 'fix-address', 'bad-mailbox'],
  ['Portuguese', 'Endereço de e-mail não encontrado', 'fix-address', 'bad-mailbox'],
  ['Russian', 'Почтовый ящик переполнен', 'wait-full-mailbox', 'mailbox-full'],
  ['Russian', 'Пользователь не найден', 'fix-address', 'bad-mailbox'],
  ['Japanese', '宛先のメールアドレスは存在しません', 'fix-address', 'bad-mailbox'],
  ['Japanese', 'メールボックスの容量がいっぱいです', 'wait-full-mailbox', 'mailbox-full'],
  ['generic', '554 Message refused: a virus was found in the attachment', 'allow-list-sender', 'blocked'],
  ['generic', '530 5.7.0 Must issue a STARTTLS command first', 'fix-sending-setup', 'sender-setup'],
  ['generic', '552 5.3.4 Message size exceeds fixed maximum message size', 'fix-sending-setup', 'sender-setup'],
  ['generic', '451 4.7.1 Please try again later', 'wait-and-retry', 'greylisted'],
  ['generic', '4.4.7 Delivery expired (message too old)', 'wait-and-retry', 'temporary'],
  ['generic', "The recipient's mailbox is full and can't accept messages now.", 'wait-full-mailbox', 'mailbox-full'],
  ['generic', '550 5.1.2 Host unknown: example.invalid', 'fix-address', 'bad-domain'],
  ['generic', '550 5.1.6 Recipient has moved; new address unknown', 'fix-address', 'mailbox-disabled'],
];

describe('classifyDeliveryError', () => {
  it.each(providerTexts)('%s: %s → %s', (_provider, text, action, category) => {
    const diagnosis = classifyDeliveryError(text);
    expect({ action: diagnosis.action, category: diagnosis.category }).toEqual({ action, category });
  });

  it('reports the enhanced code it used, without a leading #', () => {
    expect(classifyDeliveryError('Sorry, no mailbox here by that name. (#5.1.1)').code).toBe('5.1.1');
    expect(classifyDeliveryError('mailbox full', '#5.2.2').code).toBe('5.2.2');
    expect(classifyDeliveryError('No MX for example.invalid').code).toBeNull();
  });

  it('says which rule decided', () => {
    expect(classifyDeliveryError('550 5.1.1 user unknown').reason).toBe('code:5.1.1');
    expect(classifyDeliveryError('No MX for example.invalid').reason).toBe('text:no-mx');
    expect(classifyDeliveryError('550 5.7.1 Relay access denied').reason).toBe('code:5.7.1+text:relay-denied');
    expect(classifyDeliveryError('552 something odd').reason).toBe('reply:552');
    expect(classifyDeliveryError('nothing to see').reason).toBe('none');
  });

  it('says how sure it is and which words decided', () => {
    expect(classifyDeliveryError('550 5.1.1 user unknown')).toMatchObject({ confidence: 0.95, phrase: 'user unknown' });
    expect(classifyDeliveryError('', '5.1.1')).toMatchObject({ confidence: 0.85, phrase: null });
    expect(classifyDeliveryError('No MX for example.invalid')).toMatchObject({ phrase: 'no mx' });
    expect(classifyDeliveryError('552 something odd').confidence).toBeLessThan(classifyDeliveryError('No MX for example.invalid').confidence);
    expect(classifyDeliveryError('nothing to see').confidence).toBe(0);
  });

  it('gives a translation key for each category and a specific one for auto-replies', () => {
    expect(classifyDeliveryError('No MX for example.invalid').adviceKey).toBe('diagnostics.advice.badDomain');
    expect(classifyDeliveryError('Out of office until Monday').adviceKey).toBe('diagnostics.advice.autoReply');
  });

  describe('when a code and the text disagree', () => {
    // Decision: a recognised enhanced code outranks the text. 5.1.1 is a specific code, so a
    // "mailbox full" phrase cannot turn it into a full mailbox.
    it('trusts a 5.1.1 found in the text over a "mailbox full" phrase', () => {
      expect(classifyDeliveryError('550 5.1.1 mailbox full').category).toBe('bad-mailbox');
    });

    it('trusts a given code over the text and over codes in the text', () => {
      const diagnosis = classifyDeliveryError('552 5.2.2 Mailbox full', '5.1.1');
      expect(diagnosis).toMatchObject({ category: 'bad-mailbox', action: 'fix-address', code: '5.1.1', reason: 'code:5.1.1' });
    });

    it('lets a specific phrase refine a catch-all code within its class', () => {
      expect(classifyDeliveryError('550 5.7.1 Reverse DNS lookup failed for 203.0.113.2').category).toBe('sender-setup');
      expect(classifyDeliveryError('550 5.1.1 Recipient address rejected: account disabled').category).toBe('mailbox-disabled');
    });

    it('lets the text decide over a generic X.Y.0 code, falling back to the code', () => {
      expect(classifyDeliveryError('550 5.0.0 User unknown').category).toBe('bad-mailbox');
      expect(classifyDeliveryError('550 5.2.0 Mail rejected').category).toBe('blocked');
      expect(classifyDeliveryError('451 4.0.0 something odd').category).toBe('temporary');
    });

    it('prefers the receiving server’s specific code to a relay’s generic one', () => {
      expect(classifyDeliveryError("5.1.0 - Unknown address error 550-'5.7.1 Access denied'").code).toBe('5.7.1');
    });

    // Decision (issue 12): X.7.1 is sent for any refusal, so clear text about the mailbox outranks
    // it, while a specific policy text (spam, block list, SPF/DKIM/DMARC, relaying) keeps policy.
    it('lets clear mailbox text outrank a generic 5.7.1, but not a specific policy text', () => {
      expect(classifyDeliveryError('550 5.7.1 No such user')).toMatchObject({ category: 'bad-mailbox', reason: 'code:5.7.1+text:no-such-user' });
      expect(classifyDeliveryError('550 5.7.1 Recipient mailbox is full').category).toBe('mailbox-full');
      expect(classifyDeliveryError('550 5.7.1 User unknown; blocked using zen.spamhaus.org').category).toBe('blocked');
      expect(classifyDeliveryError('550 5.7.1 Unknown user; rejected per DMARC policy').category).toBe('sender-setup');
      expect(classifyDeliveryError('451 4.7.1 Mailbox full').category).toBe('mailbox-full');
      expect(classifyDeliveryError('451 4.7.1 User unknown').category).toBe('greylisted');
    });

    it('keeps a bare 4xx temporary unless the text says delivery was given up', () => {
      expect(classifyDeliveryError('450 User unknown')).toMatchObject({ category: 'temporary', reason: 'reply:450+text:user-unknown' });
      expect(classifyDeliveryError('450 User unknown; giving up after 5 days').category).toBe('bad-mailbox');
    });

    it('treats a provider’s suppression notice as suppression whatever the code', () => {
      expect(classifyDeliveryError('Address is on the suppression list', '5.1.1').category).toBe('suppressed');
    });
  });

  it('does not mistake IP addresses, ports or versions for codes', () => {
    expect(classifyDeliveryError('Connection to 192.0.2.4:25 and 4.16.55.1 failed: timed out').code).toBeNull();
    expect(classifyDeliveryError('550 rejected by Postfix 2.3.3').action).not.toBe('not-a-bounce');
  });

  it('reads "mailbox unavailable" as permanent only with a permanent code', () => {
    expect(classifyDeliveryError('550 Requested action not taken: mailbox unavailable').category).toBe('bad-mailbox');
    expect(classifyDeliveryError('450 Requested action not taken: mailbox unavailable').category).toBe('temporary');
  });

  it('keeps the raw text and says unknown when nothing is recognisable', () => {
    expect(classifyDeliveryError('The frobnicator is sad.')).toEqual({
      action: 'unknown',
      category: 'unknown',
      code: null,
      adviceKey: 'diagnostics.advice.unknown',
      raw: 'The frobnicator is sad.',
      reason: 'none',
      confidence: 0,
      phrase: null,
    });
  });

  it('covers the RFC 3463 classes with a sensible category', () => {
    const byCode = (code: string) => classifyDeliveryError('', code).category;
    expect(byCode('5.1.2')).toBe('bad-domain');
    expect(byCode('5.1.10')).toBe('bad-domain');
    expect(byCode('5.1.8')).toBe('sender-setup');
    expect(byCode('5.2.1')).toBe('mailbox-disabled');
    expect(byCode('4.2.2')).toBe('mailbox-full');
    expect(byCode('5.3.4')).toBe('sender-setup');
    expect(byCode('5.4.4')).toBe('bad-domain');
    expect(byCode('4.4.1')).toBe('temporary');
    expect(byCode('5.5.2')).toBe('sender-setup');
    expect(byCode('5.6.1')).toBe('sender-setup');
    expect(byCode('4.7.1')).toBe('greylisted');
    expect(byCode('5.7.23')).toBe('sender-setup');
    expect(byCode('5.7.13')).toBe('mailbox-disabled');
    expect(byCode('2.0.0')).toBe('not-a-bounce');
  });

  it('lists every action and category once', () => {
    expect(new Set(deliveryActions).size).toBe(8);
    expect(new Set(deliveryCategories).size).toBe(11);
  });
});
