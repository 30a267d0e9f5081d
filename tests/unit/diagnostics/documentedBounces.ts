import type { DeliveryAction } from '../../../src/diagnostics/index.ts';

/**
 * A second accuracy table for the bounce classifier, kept apart from the shared Sisimai sample so
 * that tuning on one shows up as a gap on the other. Every text here was written for this table
 * from what the standards and the vendors document (RFC 3463 / RFC 5248 code meanings, RFC 3464
 * DSN fields, RFC 5321 reply texts, the MTAs' manuals and the providers' published error pages),
 * in the style of those messages, with made-up addresses and hosts. No row was copied from a
 * collected bounce.
 *
 * `written`: `before` rows were written before the table was first measured, and before any rule
 * was changed for this table; `after` rows were added once the rules had been reworked, as a
 * fresh check that the reworked rules carry over to wordings they were not changed for.
 *
 * Measured: before any rule change, the 144 `before` rows scored 122/144 (84.7%). The rules were
 * then reworked by meaning (phrase families, languages, the X.7.1 precedence) until those rows
 * passed. The 39 `after` rows, measured once on the reworked rules, scored 34/39 (87.2%): that is
 * the honest figure for texts the rules had never been changed for. The five misses (a "no mail
 * servers" wording, a challenge-response asking to confirm the address, German "Mailbox ist voll",
 * Latin-American Spanish "casilla de correo", a long Portuguese "caixa ... cheia") were then
 * fixed as families, not as lines.
 *
 * `accept` lists the actions that count as right, as in the shared sample: where the documents
 * leave the choice open (a sending limit may be the sender's set-up or just a wait) both count.
 */
export interface DocumentedBounce {
  text: string;
  accept: readonly DeliveryAction[];
  source: string;
  written: 'before' | 'after' | 'fresh-1' | 'fresh-2' | 'fresh-3' | 'fresh-4' | 'fresh-5' | 'fresh-6' | 'fresh-7';
}

const fix: DeliveryAction[] = ['fix-address'];
const full: DeliveryAction[] = ['wait-full-mailbox'];
const block: DeliveryAction[] = ['allow-list-sender', 'fix-sending-setup'];
const setup: DeliveryAction[] = ['fix-sending-setup', 'allow-list-sender'];
const wait: DeliveryAction[] = ['wait-and-retry'];
const waitOrSetup: DeliveryAction[] = ['wait-and-retry', 'fix-sending-setup'];
const notBounce: DeliveryAction[] = ['not-a-bounce'];

const before = (text: string, accept: readonly DeliveryAction[], source: string): DocumentedBounce => ({ text, accept, source, written: 'before' });
const after = (text: string, accept: readonly DeliveryAction[], source: string): DocumentedBounce => ({ text, accept, source, written: 'after' });

export const documentedBounces: readonly DocumentedBounce[] = [
  // RFC 3463 / RFC 5248: a bare enhanced code with the registry's own short description.
  before('Status: 5.1.1 (Bad destination mailbox address)', fix, 'RFC 3463 3.2, X.1.1'),
  before('5.1.2 Bad destination system address', fix, 'RFC 3463 3.2, X.1.2'),
  before('5.1.3 Bad destination mailbox address syntax', fix, 'RFC 3463 3.2, X.1.3'),
  before('5.1.6 Destination mailbox has moved, no forwarding address', fix, 'RFC 3463 3.2, X.1.6'),
  before('5.2.1 Mailbox disabled, not accepting messages', fix, 'RFC 3463 3.3, X.2.1'),
  before('Status: 5.2.2 (Mailbox full)', full, 'RFC 3463 3.3, X.2.2'),
  before('4.2.2 Mailbox full', full, 'RFC 3463 3.3, X.2.2 transient'),
  before('5.3.2 System not accepting network messages', wait, 'RFC 3463 3.4, X.3.2'),
  before('4.4.1 No answer from host', wait, 'RFC 3463 3.5, X.4.1'),
  before('4.4.2 Bad connection', wait, 'RFC 3463 3.5, X.4.2'),
  before('5.4.4 Unable to route', fix, 'RFC 3463 3.5, X.4.4'),
  before('4.4.7 Delivery time expired', wait, 'RFC 3463 3.5, X.4.7'),
  before('5.5.2 Syntax error', setup, 'RFC 3463 3.6, X.5.2'),
  before('5.6.1 Media not supported', setup, 'RFC 3463 3.7, X.6.1'),
  before('5.7.1 Delivery not authorized, message refused', block, 'RFC 3463 3.8, X.7.1'),
  before('5.7.25 Reverse DNS validation failed', setup, 'RFC 7372 / IANA registry, X.7.25'),
  before('5.7.26 Multiple authentication checks failed', setup, 'RFC 7372 / IANA registry, X.7.26'),
  before('5.2.3 Message length exceeds administrative limit', ['fix-sending-setup', 'wait-full-mailbox'], 'RFC 3463 3.3, X.2.3'),

  // RFC 3464 delivery status notifications: the per-recipient fields, folded onto one line.
  before('Action: failed Status: 5.2.2 Diagnostic-Code: smtp; 552 Requested mail action aborted: exceeded storage allocation', full, 'RFC 3464 2.3 with RFC 5321 4.2.3 reply 552'),
  before('Action: delayed Status: 4.4.1 Diagnostic-Code: smtp; 421 connection to the receiving host timed out', wait, 'RFC 3464 2.3.3 delayed'),
  before('Action: failed Status: 5.0.0 Diagnostic-Code: smtp; 550 Requested action not taken: mailbox unavailable', fix, 'RFC 3464 2.3, RFC 5321 4.2.3 reply 550'),
  before('Action: failed Status: 5.1.1 Diagnostic-Code: smtp; 550 unknown recipient', fix, 'RFC 3464 2.3'),

  // RFC 5321 4.2.3: the reply texts the standard suggests.
  before('552 Requested mail action aborted: exceeded storage allocation', full, 'RFC 5321 4.2.3, 552'),
  before('551 User not local; please try another path', fix, 'RFC 5321 4.2.3, 551'),
  before('553 Requested action not taken: mailbox name not allowed', fix, 'RFC 5321 4.2.3, 553'),
  before('421 Service not available, closing transmission channel', wait, 'RFC 5321 4.2.3, 421'),
  before('452 Requested action not taken: insufficient system storage', ['wait-and-retry', 'wait-full-mailbox'], 'RFC 5321 4.2.3, 452'),

  // Postfix: the rejections its manuals describe (access(5), postconf(5) restrictions, local(8), bounce(5)).
  before('550 5.1.1 <ana@example.org>: Recipient address rejected: User unknown in local recipient table', fix, 'Postfix local_recipient_maps'),
  before('550 5.1.1 <ana@example.org>: Recipient address rejected: User unknown in relay recipient table', fix, 'Postfix relay_recipient_maps'),
  before('host mx.example.org[192.0.2.10] said: 452 4.2.2 <ana@example.org>: Recipient address rejected: Mailbox full (in reply to RCPT TO command)', full, 'Postfix smtp(8) deferral report'),
  before('delivery temporarily suspended: connect to mx.example.org[192.0.2.10]:25: Connection timed out', wait, 'Postfix smtp(8)'),
  before('status=expired, returned to sender; last error: connect to mx.example.org[192.0.2.10]:25: Connection refused', wait, 'Postfix maximal_queue_lifetime'),
  before('554 5.7.1 <unknown[192.0.2.55]>: Client host rejected: Access denied', block, 'Postfix check_client_access'),
  before('450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.55]', setup.concat(wait), 'Postfix reject_unknown_client_hostname'),
  before('504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname', setup, 'Postfix reject_non_fqdn_helo_hostname'),
  before('553 5.1.8 <bob@example.net>: Sender address rejected: Domain not found', setup, 'Postfix reject_unknown_sender_domain'),
  before('554 5.7.1 Service unavailable; Client host [192.0.2.55] blocked using bl.spamcop.net', block, 'Postfix reject_rbl_client'),
  before('cannot update mailbox /var/mail/ana for user ana. error writing message: File too large', full, 'Postfix local(8) mailbox_size_limit'),
  before('451 4.3.0 <ana@example.org>: Temporary lookup failure', wait, 'Postfix table lookup failure'),

  // Exim: messages from its specification (routing, appendfile quota, retry rules, delay warnings).
  before('SMTP error from remote mail server after RCPT TO:<ana@example.org>: 550 No Such User Here', fix, 'Exim / cPanel recipient verification'),
  before('ana@example.org: mailbox is full (MTA-imposed quota exceeded while writing to the mailbox file)', full, 'Exim appendfile quota'),
  before('ana@example.org: retry timeout exceeded', wait, 'Exim retry rules'),
  before('all hosts for example.org have been failing for a long time (and retry time not reached)', wait, 'Exim retry rules'),
  before('A message that you sent has not yet been delivered to one or more of its recipients after more than 24 hours on the queue. No action is required on your part. Delivery attempts will continue for some time.', wait, 'Exim delay warning'),
  before('SMTP error from remote mail server after RCPT TO:<ana@example.org>: 550 Sender verify failed', setup, 'Exim verify = sender'),
  before('SMTP error from remote mail server after end of data: 550 This message was classified as SPAM and may not be delivered', block, 'Exim with SpamAssassin (acl_smtp_data)'),
  before('A message that you sent could not be delivered to one or more of its recipients. This is a permanent error. The following address(es) failed: SMTP error from remote mail server after RCPT TO: 550 5.1.1 Recipient address rejected: User unknown', fix, 'Exim bounce message'),

  // Sendmail: op.me and the usual deliver/queue messages.
  before('Message could not be delivered for 5 days. Message will be deleted from queue', wait, 'Sendmail Timeout.queuereturn'),
  before('Warning: could not send message for past 4 hours', wait, 'Sendmail Timeout.queuewarn'),
  before('451 4.4.1 reply: read error from mx.example.org.', wait, 'Sendmail deliver'),
  before('550 5.7.1 <ana@example.org>... Relaying denied. Proper authentication required.', setup, 'Sendmail relaying'),
  before('553 5.1.8 <bob@example.net>... Domain of sender address bob@example.net does not exist', setup, 'Sendmail check_mail'),
  before('550 5.7.1 <ana@example.org>... Access denied', block, 'Sendmail access database REJECT'),

  // qmail (and vpopmail on it): its fixed texts from qmail-remote and qmail-local.
  before('Sorry, no mailbox here by that name. vpopmail (#5.1.1)', fix, 'qmail-local / vpopmail'),
  before("Sorry, I couldn't find any host named example.invalid. (#5.1.2)", fix, 'qmail-remote'),
  before('user is over quota', full, 'vpopmail quota'),
  before("I'm not going to try again; this message has been in the queue too long.", wait, 'qmail-send queuelifetime'),
  before('Connected to 192.0.2.10 but connection died. (#4.4.2)', wait, 'qmail-remote'),

  // Courier and maildrop.
  before('maildrop: maildir over quota.', full, 'Courier maildrop quota'),
  before('511 Unknown domain', fix, 'Courier esmtpd'),

  // Microsoft 365 / Exchange Online: NDR codes from "Email non-delivery reports in Exchange Online".
  before("Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'", fix, 'Microsoft NDR 5.1.10'),
  before('#550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found ##', fix, 'Microsoft NDR 5.1.1'),
  before('#550 5.2.2 STOREDRV.Deliver; mailbox full', full, 'Microsoft NDR 5.2.2'),
  before('452 4.2.2 The recipient\u2019s mailbox is full', full, 'Microsoft NDR 4.2.2'),
  before('550 4.4.7 QUEUE.Expired; message expired', wait, 'Microsoft NDR 4.4.7'),
  before('550 5.4.300 Message expired', wait, 'Microsoft NDR 5.4.300'),
  before('451 4.4.316 Connection refused', wait, 'Microsoft NDR 4.4.316'),
  before('#554 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain', fix, 'Microsoft NDR 5.4.4'),
  before('550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP', block, 'Microsoft NDR 5.7.708'),
  before('550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains', setup, 'Microsoft NDR 5.7.750'),
  before('550 5.7.64 TenantAttribution; Relay Access Denied', setup, 'Microsoft NDR 5.7.64'),
  before('530 5.7.57 Client not authenticated to send mail during MAIL FROM', setup, 'Microsoft NDR 5.7.57'),
  before('550 5.1.8 Access denied, bad outbound sender', setup, 'Microsoft NDR 5.1.8'),
  before('550 5.1.90 Your message cannot be sent because you have reached your daily limit for message recipients', waitOrSetup, 'Microsoft NDR 5.1.90'),
  before('550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; the group only accepts mail from authenticated senders', block, 'Microsoft NDR 5.7.133'),
  before('550 5.7.23 The message was rejected because of Sender Policy Framework violation', setup, 'Microsoft NDR 5.7.23'),
  before('550 5.6.211 Invalid MIME content: a header line is too long', setup, 'Microsoft NDR 5.6.211'),

  // Gmail: "SMTP errors and codes" in the Google Workspace admin help, reworded.
  before('552 5.2.2 The email account that you tried to reach is over quota.', full, 'Gmail 5.2.2'),
  before('452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to the help article.', full, 'Gmail 4.2.2'),
  before("550 5.7.26 Unauthenticated email from example.com is not accepted due to the domain's DMARC policy.", setup, 'Gmail 5.7.26'),
  before('550 5.2.1 The email account that you tried to reach is inactive.', fix, 'Gmail 5.2.1'),
  before('452 4.5.3 Your message has too many recipients.', waitOrSetup, 'Gmail 4.5.3'),
  before('421 4.7.0 TLS required for RCPT domain, closing connection.', setup, 'Gmail 4.7.0 TLS'),
  before("552 5.3.4 Your message exceeded Google's message size limits.", setup, 'Gmail 5.3.4'),
  before('550 5.7.1 The user or domain that you are sending to (or from) has a policy that prohibited the mail that you sent.', block, 'Gmail 5.7.1 policy'),
  before('550 5.4.5 Daily user sending limit exceeded.', waitOrSetup, 'Gmail 5.4.5'),
  before('554 5.6.0 Mail message is malformed. Not accepted.', setup, 'Gmail 5.6.0'),
  before('421 4.3.0 Temporary System Problem. Try again later.', wait, 'Gmail 4.3.0'),

  // Yahoo / AOL: "SMTP error codes" on the Yahoo sender hub, reworded.
  before('552 1 Requested mail action aborted, mailbox not found', fix, 'Yahoo 552 mailbox not found'),
  before('421 4.7.0 [TS01] Messages from 192.0.2.9 temporarily deferred due to unexpected volume or user complaints', ['allow-list-sender', 'wait-and-retry'], 'Yahoo TS01'),
  before('553 5.7.2 [TSS09] All messages from 192.0.2.9 will be permanently deferred; Retrying will NOT succeed.', block, 'Yahoo TSS09'),
  before('554 5.7.9 Message not accepted for policy reasons.', block, 'Yahoo 5.7.9'),
  before('451 Message temporarily deferred - [160]', wait, 'Yahoo 451'),
  before('554 30 Sorry, your message to ana@example.org cannot be delivered. This account is over quota.', full, 'Yahoo / AOL over quota'),

  // Filtering gateways and other providers, from their published rejection lists.
  before('554 5.7.0 Blocked - see https://ipcheck.example/?ip=192.0.2.9', block, 'Proofpoint rejection'),
  before('554 Service unavailable; Client host [192.0.2.9] blocked using Barracuda Reputation', block, 'Barracuda reputation block'),
  before('550 Rejected by header based Anti-Spoofing policy', block, 'Mimecast anti-spoofing'),
  before('550 Administrative prohibition - envelope blocked', block, 'Mimecast envelope block'),
  before('451 Internal resources are temporarily unavailable', wait, 'Mimecast 451'),
  before('550 #5.1.0 Address rejected ana@example.org', fix, 'Cisco Secure Email (IronPort) LDAP accept'),
  before('550 5.1.1 Not our Customer', fix, 'Comcast recipient rejection'),
  before('552 5.2.2 Mailbox size limit exceeded', full, 'Zoho Mail quota'),

  // The families the issue names, in wordings of their own.
  before('mailbox full', full, 'generic quota wording'),
  before('Recipient disk quota exceeded', full, 'generic quota wording (Dovecot/Cyrus style)'),
  before('The user has exceeded their storage allocation', full, 'generic quota wording'),
  before('Insufficient storage space for the recipient', full, 'generic quota wording'),
  before('Delivery failed: the message would exceed the mailbox size limit of the recipient', full, 'generic quota wording'),
  before('no mail box available for this user', fix, 'generic unknown-user wording'),
  before('550 bad destination mailbox address', fix, 'RFC 3463 X.1.1 description used as text'),
  before('The message was not delivered: the host was not reachable within the allowed queue period', wait, 'generic queue expiry wording'),
  before('Message expired', wait, 'generic queue expiry wording'),
  before('Retry time exceeded for this message', wait, 'generic queue expiry wording'),
  before('550 5.7.1 No such user', fix, 'generic code 5.7.1 with a clear text'),
  before('554 5.7.1 <ana@example.org>: Recipient address rejected: user does not exist', fix, 'generic code 5.7.1 with a clear text'),
  before('550 5.7.1 Recipient mailbox is full', full, 'generic code 5.7.1 with a clear text'),
  before('550 5.7.1 Message rejected as spam by content filtering', block, '5.7.1 with a policy text keeps policy'),
  before('550 5.7.1 Email rejected per DMARC policy for example.com', setup, '5.7.1 with a DMARC text keeps policy'),

  // Challenge-response systems and auto-replies (RFC 3834), in several wordings.
  before('Your message is being held until you verify that you are a real person. Please reply to this message or click the link to confirm your address.', notBounce, 'challenge-response (e.g. SpamArrest, Boxbe)'),
  before('I have installed a spam filter that only accepts mail from senders I know. To get your message through, please complete a one-time verification.', notBounce, 'challenge-response'),
  before('Thank you for your email. I am travelling and will reply when I am back next week.', notBounce, 'RFC 3834 auto-reply'),
  before('Auto-Submitted: auto-replied Subject: Automatic reply: Welcome', notBounce, 'RFC 3834 Auto-Submitted field'),
  before('This mailbox is not monitored. Please contact our support team instead.', notBounce, 'no-reply notice'),
  before('Automatisch antwoord: ik ben afwezig tot maandag', notBounce, 'Outlook auto-reply, Dutch'),
  before('Autosvar: Jag är ledig till och med fredag', notBounce, 'Outlook auto-reply, Swedish'),
  before('Abwesenheitsnotiz: Ich bin ab Montag wieder im Büro', notBounce, 'Outlook auto-reply, German'),

  // Other languages: unknown user and full mailbox, as localised servers and providers word them.
  before('Empfängeradresse abgelehnt: Benutzer unbekannt', fix, 'German'),
  before('Das Postfach des Empfängers ist voll', full, 'German'),
  before('Speicherplatz des Postfachs überschritten', full, 'German'),
  before('Utilisateur inconnu', fix, 'French'),
  before('Quota dépassé pour ce destinataire', full, 'French'),
  before('Usuario desconocido', fix, 'Spanish'),
  before('El buzón del destinatario está lleno', full, 'Spanish'),
  before('Destinatário desconhecido', fix, 'Portuguese'),
  before('Caixa postal cheia', full, 'Portuguese'),
  before('Utente inesistente', fix, 'Italian'),
  before('Casella di posta piena', full, 'Italian'),
  before('Gebruiker onbekend', fix, 'Dutch'),
  before('Het e-mailadres bestaat niet', fix, 'Dutch'),
  before('Mailbox van de ontvanger is vol', full, 'Dutch'),
  before('Okänd mottagare', fix, 'Swedish'),
  before('Brevlådan är full', full, 'Swedish'),
  before('このユーザーは存在しません', fix, 'Japanese'),
  before('受信者のメールボックスがいっぱいです', full, 'Japanese'),
  before('メールボックス容量超過のため配信できませんでした', full, 'Japanese'),
  // Written after the rules were reworked, and measured once as they stand (see the file header).
  after('550 5.7.1 Unknown recipient', fix, 'generic code 5.7.1 with a clear text'),
  after('550 5.7.1 <ana@example.org>: Recipient address rejected: Mailbox is full', full, 'Postfix access map with a 5.7.1 code'),
  after('550 5.7.1 Rejected: sending IP listed on a DNS block list', block, 'RFC 5782 DNSBL rejection'),
  after('550 5.7.1 SPF check failed for example.net', setup, 'RFC 7208 8.4 fail result'),
  after('554 5.7.5 Permanent error evaluating DMARC policy', setup, 'RFC 7489 / IANA X.7.5'),
  after('5.7.1 Message blocked due to DKIM signature mismatch', setup, 'RFC 6376 verification failure'),
  after('450 4.1.1 <ana@example.org>: Recipient address rejected: undeliverable address: host mx.example.org said: 550 user unknown', ['fix-address', 'wait-and-retry'], 'Postfix address verification'),
  after('452 4.2.2 Over quota', full, 'RFC 3463 X.2.2 transient'),
  after('422 The recipient mailbox has exceeded its storage limit', full, 'reply 422 used for a full mailbox'),
  after('550 Mailbox quota usage exceeded', full, 'Dovecot LMTP quota'),
  after('Delivery to the following recipient has been delayed: ana@example.org. Message will be retried for 2 more day(s)', wait, 'Gmail delay notice'),
  after('The mailbox you tried to reach does not exist', fix, 'generic unknown-user wording'),
  after('User account is expired', fix, 'account expiry wording'),
  after('550 5.2.1 Mailbox unavailable. This account has been disabled', fix, 'RFC 3463 X.2.1'),
  after('554 5.7.1 Your message looks like spam', block, 'content filter'),
  after('550 High probability of spam', block, 'content filter'),
  after('421 4.4.2 Connection dropped due to timeout', wait, 'RFC 3463 X.4.2'),
  after('Message has been in queue too long, giving up', wait, 'queue expiry wording'),
  after('Undeliverable: message expired after 48 hours', wait, 'queue expiry wording'),
  after("The recipient's domain example.invalid has no mail servers", fix, 'RFC 7505 / no MX wording'),
  after('Domain example.invalid does not exist', fix, 'NXDOMAIN wording'),
  after('Name service error for name=example.invalid type=MX: Host not found', fix, 'Postfix DNS error'),
  after("553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", setup, 'qmail-smtpd rcpthosts'),
  after('smtp; 550 5.1.1 <ana@example.org>... User Unknown', fix, 'RFC 3464 Diagnostic-Code with Sendmail text'),
  after("Please confirm your email address to have your message delivered. This is an automated message from the recipient's spam protection.", notBounce, 'challenge-response'),
  after("I'm on parental leave until March", notBounce, 'RFC 3834 auto-reply'),
  after('Out of Office: Re: your invitation', notBounce, 'RFC 3834 auto-reply'),
  after('Benutzerkonto ist deaktiviert', fix, 'German'),
  after('Mailbox ist voll', full, 'German'),
  after('La casilla de correo está llena', full, 'Spanish (Latin America)'),
  after('Adresse e-mail introuvable', fix, 'French'),
  after('Il destinatario non esiste', fix, 'Italian'),
  after('A caixa de correio do destinatário está cheia', full, 'Portuguese'),
  after('Postvak IN is vol', full, 'Dutch'),
  after('Mottagarens brevlåda är full', full, 'Swedish'),
  after('Användaren finns inte', fix, 'Swedish'),
  after('指定されたアドレスは存在しません', fix, 'Japanese'),
  after('メールボックスが一杯です', full, 'Japanese'),
  after('收件人邮箱已满', full, 'Chinese'),
];
