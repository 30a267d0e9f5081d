import type { DeliveryAction } from '../../../src/diagnostics/index.ts';
import type { DocumentedBounce } from './documentedBounces.ts';

/**
 * Held-out bounce texts for issue 12, kept apart from both the shared Sisimai sample and the
 * documented table (documentedBounces.ts) that the rules were last reworked on. Each batch was
 * written in full before the rules were measured on it, in the style of what the MTAs, mailbox
 * providers, filtering gateways and sending services document (Postfix, Exim, Sendmail, qmail,
 * Exchange / Microsoft 365 NDRs, Gmail, Yahoo, iCloud, Zoho, GMX / web.de, Yandex, Mail.ru,
 * Orange, Proofpoint, Mimecast, Barracuda, Amazon SES, SendGrid, Mailgun, Postmark), localised
 * servers in eight languages, auto-replies and challenge-response notices. Addresses, hosts and
 * IPs are made up (RFC 2606 / RFC 5737 ranges where they matter); no row was copied from the
 * shared sample or from a collected bounce.
 *
 * `fresh-1`: 105 rows, measured once before any rule was changed for issue 12: 85/105 (81.0%).
 * The 20 misses were all `unknown` except one: Microsoft 365 / Exchange NDR body sentences ("wasn't
 * found at", "couldn't be found", "tried to deliver ... for 24 hours"), "does not have any MX
 * records", full-mailbox and unknown-address wordings in German, French, Spanish, Portuguese,
 * Italian, Dutch and Japanese that name a limit or quota being reached or the address not being
 * known, auto-replies that say "out until" / "nicht erreichbar" / "en congé" / "fuera hasta", two
 * challenge-response notices (quarantined pending verification, "kein Roboter"), and Orange's
 * bilingual "Service refused, please try later" read as a refusal instead of a deferral.
 *
 * The rules were then reworked by meaning (see the commit): challenge-response notices that ask to
 * prove one is not a robot, in several languages; auto-replies saying "out until" or "no access to
 * email" and their German, French, Spanish, Italian, Portuguese, Dutch and Swedish forms; negated MX
 * ("does not have any MX records"); a domain that cannot be resolved, in five languages; "wasn't
 * found" / "couldn't be found" after the address and "<name> not found at <domain>"; a mailbox or
 * storage that reached or exceeded its limit, in English and seven other languages; "tried to
 * deliver for N hours" and "the server never responded". Orange's 421 stayed a miss: a rule that
 * let a 4xx refusal with "try later" count as a deferral cost one row of the shared sample (a floor).
 *
 * `fresh-2`: 79 rows, written after that rework and before any further change, measured once:
 * 62/79 (78.5%). This, not fresh-1's re-run, was the real held-out figure of that rework: it did
 * not carry over. The misses: seven other-language texts whose words the language patterns lacked
 * (German "aufgebraucht", Spanish "deshabilitada", Dutch "uitgeschakeld", Japanese "無効", Czech at
 * all, Portuguese "suspeito", "de licença"), a ticket system's automated acknowledgement, "list of
 * approved senders", "no longer accepts mail", "no DNS records", "delivery to this address is
 * restricted", "the domain you are sending to does not exist", "Relaying disallowed" under a 553,
 * Amazon SES's "hard bounce" without a reason, "rejected ... because of its content" read as
 * transient, and Microsoft's 5.2.121 (a per-sender receive limit) read as a bad mailbox.
 *
 * Second rework, by meaning: a vocabulary per language (mailboxLexicon.ts: nouns for user,
 * address, account and mailbox, words for unknown, disabled and full, in 15 languages, paired
 * within a sentence) instead of sentence patterns; enhanced codes with a detail the registry does
 * not define (vendor numbers) now say only class and subject, so the text decides; "no longer
 * accepts mail", "list of approved senders", automated acknowledgements, "no DNS records", per-hour
 * limits, content refusals, restricted delivery, relaying "disallowed", and a reasonless "hard
 * bounce" as a bad address (lowest precedence).
 *
 * `fresh-3`: 70 rows, written after the second rework and before any further change, measured
 * once: 55/70 (78.6%). Again the rework did not carry over to new wordings: the misses were an
 * attachment refusal, "no space left on device" and "keinen freien Speicherplatz", "spazio ...
 * esaurito", a restricted group's "allowed senders list", "wasn't recognized", Russian "не
 * зарегистрирован", German "existiert bei uns nicht mehr", Portuguese "falha temporária",
 * Japanese "存在しない", Zoho's blocked mailbox under a 5.4.6 loop code, a "reduced hours"
 * auto-reply, a helpdesk acknowledgement, a challenge asking to verify by replying, and Dutch
 * "met vakantie".
 *
 * Third rework, by meaning: "verify your address by replying", slower-reply and ticket or
 * receipt acknowledgements as auto-replies, "wasn't recognized / registered" after the address
 * (and "not registered" in nine languages), existence denied with words between, "no space left",
 * space itself as a noun of the full-mailbox vocabulary, attachment refusals, allowed-senders
 * lists and restricted groups, "temporary" in thirteen languages.
 *
 * `fresh-4`: 60 rows, written after the third rework and before any further change, measured
 * once: 46/60 (76.7%). This is the real held-out figure of the rules as they stand: below the
 * issue's 90%. Three rounds in a row landed at 77-79% on new wordings, so phrase rules reworked
 * on one batch do not generalise to the next by much. The split tells where: on rows that carry an
 * SMTP code (basic or enhanced), the first measurements were 52/53, 34/36, 29/31 and 26/27
 * (141/147 = 95.9%); on plain sentences without any code (auto-replies, translated NDR bodies,
 * sending-service descriptions) they were 33/52, 28/43, 26/39 and 20/33 (107/167 = 64.1%). Real
 * bounces from collectors nearly always carry a Diagnostic-Code, so these batches, about half
 * code-less, are harder than a collector's mix; the code-less half is the weak spot either way.
 * The fresh-4 misses: a locked mailbox (temporary) read as disabled, "doesn't have enough space",
 * a sender "not recognized as a valid sender" read as the recipient, "does not accept mail from
 * your domain" read as a null MX, Postmark's "Unsubscribe", Spanish "inactiva", Swedish
 * "skräppost", Japanese "容量オーバー", Chinese "停用", auto-replies about a conference, sick
 * leave and parental leave, a list moderator's pending approval, and a challenge that mentions
 * spam read as a spam block.
 *
 * Fourth rework, by meaning, after fresh-4: a mailbox file locked by another process is temporary;
 * "doesn't have enough space"; a sender "not recognized as a valid sender"; "does not accept mail
 * from your domain" as a block, not a null MX; "asked to stop receiving" as a suppression;
 * "inactive" beside an address, in ten languages; leave and travel words in more languages;
 * attending a conference; list moderation and "confirm you sent this message" as
 * challenge-response; more words for spam, Japanese "オーバー", Chinese "停用".
 *
 * `fresh-5`: 49 rows, written after the fourth rework and before any further change, measured
 * once: 42/49 (85.7%); with an SMTP code 18/18, without one 24/31. Still below 90%. The misses:
 * "the destination domain couldn't be found", a sending quota read as a full mailbox, Amazon
 * SES's "email address is not verified" (sandbox), Ukrainian (no vocabulary), Spanish "me
 * encuentro de vacaciones", Dutch "weer bereikbaar", and an auto-forward notice.
 *
 * Fifth rework, by meaning: a domain that "couldn't be found / located"; a quota qualified as
 * sending, daily, hourly or per-recipient is not the mailbox's; unverified addresses and
 * identities (a sending service's sandbox) are the sending set-up; auto-generated and forwarding
 * notices are not bounces; Ukrainian in the vocabulary; Spanish and Dutch leave wordings.
 *
 * `fresh-6`: 50 rows, written after the fifth rework and before any further change, measured
 * once: 37/50 (74.0%); with an SMTP code 11/12, without one 26/38. This is the last held-out
 * figure, and it is below 90%. Over the five batches measured after a rework (fresh-2 to fresh-6)
 * the rows with an SMTP code scored 118/124 (95.2%) and the plain sentences 124/184 (67.4%): the
 * code-driven part generalises, the phrase rules for code-less prose do not, however they are
 * reworked. The misses: a 4.7.1 sender deferral that says "try again later" read as a sender
 * fault, "isn't authorized to send", "only accepts ... an encrypted connection", "stopped after 72
 * hours ... kept refusing the connection", German "keinen gültigen Briefkasten", French "ne répond
 * pas, nouvelle tentative", Spanish "no está disponible porque fue eliminada" and "no hay espacio
 * ... en el buzón", Swedish "kunde inte hittas", three auto-replies (French "en vacances", German
 * "Geschäftsreise", Italian "in vacanza"), and a challenge "waiting for approval".
 *
 * Sixth rework, by meaning, after fresh-6: a transient generic code whose text asks to try again
 * later stays a deferral; "isn't authorized to send"; "only accepts ... encrypted connection";
 * "refusing the connection" and "stopped after N hours"; "waiting for approval" challenges;
 * "no valid mailbox", "could not be found" and a wider sentence window in the vocabulary; "does
 * not answer" and "new attempt" in seven languages; more leave wordings. No batch has been written
 * after it: its held-out figure is unmeasured, and the last real one is fresh-6's 74.0%.
 *
 * Seventh rework, structural rather than per miss: phrase families (src/diagnostics/
 * phraseFamilies.ts, familyVocabulary.ts, matchPhraseFamily.ts). A meaning is a subject word and
 * a predicate word within one clause, a few words apart (recipient × nonexistent, account ×
 * disabled, storage × full, security × failed, message × refused, server × unresponsive, self ×
 * away, ...), from one vocabulary table with a language column (18 languages), written from the
 * RFC 3463/5248 code descriptions, RFC 3464/3834, the MTAs' and providers' documented texts and
 * dictionary words, not from these rows. The exact rules still decide first; the families decide
 * when no rule matches or the code is generic (X.0.0, X.7.1, unregistered details). Before any
 * vocabulary was adjusted, the families ALONE (no exact rules) were right on 195 of the 236
 * code-less rows of fresh-1..6 (82.6%, against the exact rules' 67.4% held-out on such rows);
 * after adjusting words by meaning on a families-alone run over these tables that figure is no
 * longer held-out (phraseFamilies.test.ts prints it). Re-runs of fresh-1..6 are unchanged by the
 * rework (they were already at 98-100%). Its held-out figure is whatever the next batch measures.
 *
 * The test beside this file re-runs every batch on the current rules (those figures are no
 * longer held-out) and prints the first measurements from {@link firstMeasured} beside them.
 */

/** Each batch's one measurement, taken before any rule was changed for it: [right, rows]. */
export const firstMeasured: Readonly<Record<string, readonly [number, number]>> = {
  'fresh-1': [85, 105],
  'fresh-2': [62, 79],
  'fresh-3': [55, 70],
  'fresh-4': [46, 60],
  'fresh-5': [42, 49],
  'fresh-6': [37, 50],
};
const fix: DeliveryAction[] = ['fix-address'];
const full: DeliveryAction[] = ['wait-full-mailbox'];
const block: DeliveryAction[] = ['allow-list-sender', 'fix-sending-setup'];
const setup: DeliveryAction[] = ['fix-sending-setup', 'allow-list-sender'];
const wait: DeliveryAction[] = ['wait-and-retry'];
const waitOrSetup: DeliveryAction[] = ['wait-and-retry', 'fix-sending-setup'];
const waitOrBlock: DeliveryAction[] = ['wait-and-retry', 'allow-list-sender'];
const suppressed: DeliveryAction[] = ['resend-suppressed'];
const notBounce: DeliveryAction[] = ['not-a-bounce'];

const second = (text: string, accept: readonly DeliveryAction[], source: string): DocumentedBounce => ({ text, accept, source, written: 'fresh-2' });
const third = (text: string, accept: readonly DeliveryAction[], source: string): DocumentedBounce => ({ text, accept, source, written: 'fresh-3' });
const fourth = (text: string, accept: readonly DeliveryAction[], source: string): DocumentedBounce => ({ text, accept, source, written: 'fresh-4' });
const fifth = (text: string, accept: readonly DeliveryAction[], source: string): DocumentedBounce => ({ text, accept, source, written: 'fresh-5' });
const sixth = (text: string, accept: readonly DeliveryAction[], source: string): DocumentedBounce => ({ text, accept, source, written: 'fresh-6' });
const first = (text: string, accept: readonly DeliveryAction[], source: string): DocumentedBounce => ({ text, accept, source, written: 'fresh-1' });

export const freshBounces: readonly DocumentedBounce[] = [
  // Postfix: smtp(8), local(8), virtual(8) and the smtpd restrictions, as its logs and bounces word them.
  first('550 5.1.1 <lena.k@corp.example>: Recipient address rejected: undeliverable address: unknown user: "lena.k"', fix, 'Postfix local(8)'),
  first('host mail.example.net[198.51.100.7] said: 554 5.7.1 <mx3.example.com[203.0.113.4]>: Relay access denied (in reply to RCPT TO command)', setup, 'Postfix reject_unauth_destination'),
  first('connect to mx.example.biz[203.0.113.20]:25: No route to host', wait, 'Postfix smtp(8) connect failure'),
  first('Host or domain name not found. Name service error for name=exampel.co type=A: Host not found', fix, 'Postfix DNS lookup'),
  first('host mx1.example.de[198.51.100.3] said: 451 4.7.1 Service unavailable - try again later; greylisted (in reply to RCPT TO command)', wait, 'Postfix with a greylisting policy server'),
  first('lost connection with mx.example.org[198.51.100.9] while sending end of data -- message may be sent more than once', wait, 'Postfix smtp(8)'),
  // Exim: router and transport failures from its specification.
  first('Unrouteable address', fix, 'Exim router failure'),
  first('SMTP error from remote mail server after RCPT TO:<tom@example.co.uk>: 552 5.2.2 tom@example.co.uk: user is over their disk quota', full, 'Exim appendfile quota at the remote end'),
  first("retry time not reached for any host for 'example.info' after 3d", wait, 'Exim retry rules'),
  first('all relevant MX records point to non-existent hosts', fix, 'Exim dnslookup router'),
  // Sendmail.
  first('Deferred: Connection refused by mx.example.net.', wait, 'Sendmail deferral'),
  first('550 5.7.0 Rejected: 198.51.100.8 listed at zen.dnsbl.example', block, 'Sendmail dnsbl FEATURE'),
  first('451 4.1.8 Domain of sender address noreply@app.example does not resolve', waitOrSetup, 'Sendmail check_mail'),
  // Microsoft 365 / Exchange: NDR codes and the user-facing NDR body texts.
  first('550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [AM0EUR02FT012.eop-EUR02.prod.protection.example]', fix, 'Microsoft NDR 5.4.1 directory-based edge blocking'),
  first('554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded', full, 'Microsoft NDR 5.2.2'),
  first('550 5.7.606 Access denied, banned sending IP [198.51.100.44]. To request removal from this list please visit the delist portal', block, 'Microsoft NDR 5.7.606'),
  first('550 5.7.509 Access denied, sending domain example.io does not pass DMARC verification and has a DMARC policy of reject.', setup, 'Microsoft NDR 5.7.509'),
  first('450 4.7.500 Server busy. Please try again later from [203.0.113.5]', waitOrBlock, 'Microsoft NDR 4.7.500'),
  first('550 5.7.1 RESOLVER.RST.AuthRequired; authentication required [Stage: CreateMessage]', block, 'Microsoft NDR 5.7.1 restricted group'),
  first('550 5.4.316 Message expired, connection refused(Socket error code 10061)', wait, 'Microsoft NDR 5.4.316'),
  first("Your message to lars@fabrikam.example couldn't be delivered. lars wasn't found at fabrikam.example.", fix, 'Microsoft 365 NDR body'),
  first("Your message couldn't be delivered because the recipient's mailbox is full.", full, 'Microsoft 365 NDR body'),
  first("Delivery has failed to these recipients or groups: The e-mail address you entered couldn't be found. Please check the recipient's e-mail address and try to resend the message.", fix, 'Exchange NDR body'),
  first("Office 365 tried to deliver the message for 24 hours but the recipient's server never responded.", wait, 'Microsoft 365 NDR body, expiry'),
  // Gmail.
  first("550-5.1.1 The email account you tried to reach does not exist. Please check the recipient's address for typos.", fix, 'Gmail 5.1.1'),
  first("Address not found. Your message wasn't delivered to nina@examplecorp.test because the address couldn't be found, or is unable to receive mail.", fix, 'Gmail bounce body'),
  first('421-4.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP address. Mail sent from your IP address has been temporarily rate limited.', waitOrBlock, 'Gmail 4.7.28'),
  first('550-5.7.1 This message is likely suspicious due to the very low reputation of the sending domain.', block, 'Gmail 5.7.1 reputation'),
  first("DNS Error: DNS type 'mx' lookup of examplle.com responded with code NXDOMAIN Domain name not found: examplle.com", fix, 'Gmail DNS error body'),
  first('550 5.7.25 The IP address sending this message does not have a PTR record setup', setup, 'Gmail 5.7.25'),
  first('The recipient server did not accept our requests to connect.', wait, 'Gmail bounce body, connection'),
  // Yahoo / AOL.
  first('554 delivery error: dd Sorry your message to kai@yahoo.example cannot be delivered. This mailbox is disabled (554.30).', fix, 'Yahoo disabled mailbox'),
  first("554 delivery error: dd This user doesn't have a yahoo.example account (kai@yahoo.example) [0]", fix, 'Yahoo unknown user'),
  first("553 5.7.1 [BL21] Connections will not be accepted from 198.51.100.2, because the ip is in Spamhaus's list", block, 'Yahoo BL21'),
  // iCloud.
  first('550 5.1.1 <kai@icloud.example>: user does not exist', fix, 'iCloud unknown user'),
  first('554 5.7.1 [CS01] Message rejected due to local policy. Please visit the support page', block, 'iCloud CS01'),
  first('552 5.2.2 <kai@icloud.example>: user is over quota', full, 'iCloud quota'),
  // Zoho.
  first('550 5.1.1 User does not exist - <ravi@zoho.example>', fix, 'Zoho unknown user'),
  first('554 5.7.7 Email policy violation detected', block, 'Zoho policy'),
  // GMX / web.de.
  first('554-Transaction failed Reject due to policy restrictions. For explanation visit the postmaster page', block, 'GMX / web.de policy reject'),
  first('452 4.2.2 Mailbox voll / mailbox full', full, 'GMX / web.de quota, bilingual'),
  first('550 Mailbox nicht erreichbar: Postfach existiert nicht', fix, 'web.de unknown mailbox, German'),
  // Yandex.
  first('550 5.7.1 No such user!', fix, 'Yandex unknown user'),
  first('Ящик получателя переполнен', full, 'Yandex full mailbox, Russian'),
  first('Такого пользователя не существует', fix, 'Yandex unknown user, Russian'),
  first('451 4.7.1 Sorry, the service is currently unavailable. Please come back later.', wait, 'Yandex temporary'),
  // Mail.ru.
  first('550 Message was not accepted -- invalid mailbox. Local mailbox kai@mail.example is unavailable: account is disabled', fix, 'Mail.ru disabled account'),
  first('550 spam message rejected. Please visit the help page or report an error', block, 'Mail.ru spam rejection'),
  first('Сообщение не доставлено: почтовый ящик получателя заблокирован', fix, 'Mail.ru blocked mailbox, Russian'),
  // Orange.
  first("550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416", fix, 'Orange OFR_416, bilingual'),
  first('421 mwinf5c12 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999', wait, 'Orange 421, bilingual'),
  first('550 5.7.1 Mail rejete. Mail rejected. OFR004_104 [104]', block, 'Orange OFR004, bilingual'),
  // Filtering gateways.
  first('553 5.7.1 Sender address rejected: Message rejected due to local policy', block, 'Proofpoint local policy'),
  first('550 Invalid Recipient - see the rejection article', fix, 'Mimecast invalid recipient'),
  first('451 Sender address is greylisted - try again later', wait, 'Mimecast greylisting'),
  first('554 Email rejected due to security policies', block, 'Mimecast security policy'),
  first('550 permanent failure for one or more recipients (bob@example.net:blocked)', block, 'Barracuda block'),
  first('554 5.7.1 Message blocked by intent analysis', block, 'Barracuda intent analysis'),
  // Sending services: their bounce and drop descriptions.
  first('Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.', suppressed, 'Amazon SES suppression'),
  first('Permanent bounce (NoEmail): the target email address does not exist', fix, 'Amazon SES bounce subtype NoEmail'),
  first("Transient bounce (MailboxFull): the recipient's inbox is full", full, 'Amazon SES bounce subtype MailboxFull'),
  first('Dropped: Spam Reporting Address', suppressed, 'SendGrid drop reason'),
  first('Deferred: 421 Too many messages from this sender, try later', wait, 'SendGrid deferral'),
  first('Mailgun gave up on delivery after repeated failures: too old', wait, 'Mailgun "too old"'),
  first('The server was unable to deliver your message (ex: unknown user, mailbox not found).', fix, 'Postmark HardBounce description'),
  first('The recipient domain does not have any MX records', fix, 'Mailgun / Postmark DNS failure'),
  // qmail.
  first("Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)", wait, 'qmail-remote'),
  first('The users mailfolder is over the allowed quota (size). (#5.2.2)', full, 'qmail / vpopmail quota'),
  // Localised servers.
  first('Die Nachricht konnte nicht zugestellt werden, da das Postfach des Empfängers sein Speicherlimit erreicht hat', full, 'German'),
  first('Diese E-Mail-Adresse ist uns nicht bekannt', fix, 'German'),
  first('Zustellung fehlgeschlagen: Die Domain example.invalid konnte nicht aufgelöst werden', fix, 'German'),
  first("Ce destinataire n'existe pas sur ce serveur", fix, 'French'),
  first('La boîte aux lettres a atteint sa taille maximale', full, 'French'),
  first('La dirección de correo no existe', fix, 'Spanish'),
  first('El buzón ha superado su cuota de almacenamiento', full, 'Spanish'),
  first('Mensaje rechazado por ser considerado spam', block, 'Spanish'),
  first('O endereço de e-mail não existe', fix, 'Portuguese'),
  first('A caixa postal do destinatário excedeu o limite de armazenamento', full, 'Portuguese'),
  first("L'indirizzo email del destinatario è inesistente", fix, 'Italian'),
  first('La casella del destinatario ha superato la quota', full, 'Italian'),
  first('Dit e-mailadres is niet bekend bij ons', fix, 'Dutch'),
  first('De mailbox van de ontvanger zit vol', full, 'Dutch'),
  first('Użytkownik nie istnieje', fix, 'Polish'),
  first('Skrzynka odbiorcy jest przepełniona', full, 'Polish'),
  first('宛先のメールアドレスが見つかりません', fix, 'Japanese'),
  first('受信者のメールボックスの容量が上限に達しています', full, 'Japanese'),
  first('このメールは迷惑メールと判断されたため拒否されました', block, 'Japanese'),
  // Auto-replies (RFC 3834) and challenge-response.
  first("Thanks for your message. I'm out until 12 May with no access to email.", notBounce, 'auto-reply'),
  first('I am currently out of the country and will respond as soon as possible.', notBounce, 'auto-reply'),
  first('Ich bin bis einschließlich 14. Juni nicht erreichbar. In dringenden Fällen wenden Sie sich bitte an meine Kollegin.', notBounce, 'auto-reply, German'),
  first("Je suis en congé jusqu'au 3 septembre.", notBounce, 'auto-reply, French'),
  first('Estoy fuera hasta el lunes con acceso limitado al correo.', notBounce, 'auto-reply, Spanish'),
  first('Your email has been quarantined pending verification. To release it, click the link below and confirm you are not a robot.', notBounce, 'challenge-response'),
  first('Ihre Nachricht wurde zurückgehalten. Bitte bestätigen Sie, dass Sie kein Roboter sind.', notBounce, 'challenge-response, German'),
  // A generic code beside a clear text, and plain signals in other words.
  first('550 5.7.1 Recipient not found', fix, 'generic X.7.1 with a clear text'),
  first('554 5.7.1 This account has been suspended', fix, 'generic X.7.1 with a clear text'),
  first('550 5.7.1 Requested action aborted: disk quota exceeded', full, 'generic X.7.1 with a clear text'),
  first('550 5.0.0 bad destination mailbox address', fix, 'RFC 3463 description under a generic code'),
  first('Message not delivered: not reachable within the allowed queue period', wait, 'queue expiry wording'),
  first('550 Sorry, the recipient has moved and left no forwarding address', fix, 'RFC 3463 X.1.6 meaning in words'),
  first('Remote host said: 550 Message rejected due to content restrictions', block, 'content policy'),
  first('421 Too many concurrent SMTP connections from this IP; please try again later', wait, 'connection limit'),
  first('454 4.7.0 TLS not available due to local problem', waitOrSetup, 'RFC 3207 454'),
  first('Delivery delayed: the recipient server is not responding, we will keep trying', wait, 'delay notice'),
  first('550 5.7.1 Your domain example.io has no SPF record and fails sender authentication', setup, 'RFC 7208 with a generic code'),
  // Written after the rules were reworked on fresh-1, before any further change, and measured once (see the header).
  second('host mx.example.pl[198.51.100.12] said: 550 5.1.1 <jan@example.pl>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)', fix, 'Postfix virtual(5)'),
  second('host mx.example.se[203.0.113.40] refused to talk to me: 554 5.7.1 Service unavailable; Client host [198.51.100.1] blocked using b.barracudacentral.example', block, 'Postfix smtp(8) with an RBL rejection'),
  second('conversation with mx.example.ch[198.51.100.30] timed out while receiving the initial server greeting', wait, 'Postfix smtp(8)'),
  second('SMTP error from remote mail server after pipelined RCPT TO:<mia@example.at>: 550 5.1.1 <mia@example.at>: Recipient address rejected: User unknown in virtual alias table', fix, 'Exim relaying to Postfix'),
  second('SMTP error from remote mail server after MAIL FROM:<noreply@app.example> SIZE=48210: 552 5.3.4 Message size exceeds fixed limit', setup, 'Exim, remote size limit'),
  second('mia@example.at: The user has run out of space in their mailbox', full, 'Exim-style quota wording'),
  second('Domain example.invalid has no DNS records of any kind', fix, 'DNS lookup wording'),
  second('550 5.1.1 <ola@example.no>... Unknown mailbox', fix, 'Sendmail'),
  second('421 4.4.5 Server too busy, try again later', wait, 'RFC 3463 X.4.5 congestion'),
  second('550 5.1.1 RESOLVER.ADR.RecipNotFound; not found', fix, 'Microsoft NDR 5.1.1'),
  second('554 5.6.0 Invalid message content; STOREDRV.Deliver.Exception:ConversionFailedPermanentException', setup, 'Microsoft NDR 5.6.0'),
  second('550 5.7.520 Access denied, Your organization does not allow external forwarding.', block, 'Microsoft NDR 5.7.520'),
  second("550 5.2.121 Recipient's per hour message receive limit from specific sender exceeded.", waitOrSetup, 'Microsoft NDR 5.2.121'),
  second("The recipient's mailbox has been disabled and can't receive messages", fix, 'Microsoft 365 NDR body'),
  second("Your message couldn't be delivered because delivery to this address is restricted.", block, 'Microsoft 365 NDR body'),
  second('The mailbox of the recipient is currently over its size limit.', full, 'Microsoft 365 NDR body'),
  second("The recipient's inbox is out of storage space. Please direct the recipient to the storage help page.", full, 'Gmail 4.2.2 body'),
  second('421-4.7.0 This message is suspicious due to the nature of the content or the links within. To best protect our users from spam, the message has been blocked.', waitOrBlock, 'Gmail 4.7.0 content'),
  second('550-5.7.1 Messages missing a valid address in From: header, or having no From: header, are not accepted.', setup, 'Gmail 5.7.1 From header'),
  second('451-4.3.0 Mail server temporarily rejected message.', wait, 'Gmail 4.3.0'),
  second('Message rejected. The domain you are sending to does not exist.', fix, 'domain does not exist, sentence'),
  second('554 Message not allowed - [PH01] Email not accepted for policy reasons.', block, 'Yahoo PH01'),
  second('554 delivery error: dd Not a valid recipient - atlas110.free.mail.example', fix, 'Yahoo invalid recipient'),
  second('421 4.7.0 [GL01] Message from (198.51.100.9) temporarily deferred', wait, 'Yahoo GL01'),
  second("550 5.7.0 Blocked - reason: sender's domain is on a list of domains that send unwanted mail", block, 'iCloud-style domain block'),
  second('550 5.2.1 Mailbox suspended for abuse of terms', fix, 'provider account suspension'),
  second('553 Relaying disallowed as noreply@app.example', setup, 'Zoho relaying'),
  second('550 Requested action not taken: mailbox unavailable', fix, 'GMX / web.de unknown mailbox'),
  second('554 Transaction failed: Envelope blocked', block, 'GMX / web.de envelope block'),
  second('421 Service temporarily unavailable, please try again later', wait, 'GMX / web.de temporary'),
  second('550 5.7.1 Policy rejection on the target address', block, 'Yandex policy'),
  second('Адрес получателя не найден', fix, 'Russian'),
  second('Письмо не доставлено: превышен лимит размера почтового ящика', full, 'Russian'),
  second('550 5.2.2 Boite du destinataire pleine. Recipient mailbox full. OFR_417', full, 'Orange OFR_417, bilingual'),
  second("550 5.5.0 Le compte du destinataire est bloque. The recipient account isn't enabled. LPN007_510", fix, 'Orange / Wanadoo, bilingual'),
  second('550 Envelope blocked - User Entry - see the rejection article', block, 'Mimecast user block entry'),
  second('451 Open Relay not allowed - email rejected', setup, 'Mimecast open relay'),
  second("550 Your message was rejected because the sender's domain has been blocked by the recipient", block, 'recipient block'),
  second("Permanent bounce (General): the recipient's email provider sent a hard bounce message.", fix, 'Amazon SES bounce subtype General'),
  second('Transient bounce (MessageTooLarge): the message you sent was too large', setup, 'Amazon SES bounce subtype MessageTooLarge'),
  second("Transient bounce (ContentRejected): the recipient's email provider rejected the message because of its content", block, 'Amazon SES bounce subtype ContentRejected'),
  second('Dropped: Unsubscribed Address', suppressed, 'SendGrid drop reason'),
  second('Blocked: 550 5.7.1 Message rejected due to content filtering', block, 'SendGrid block event'),
  second('Not delivering to a user who marked your messages as spam', suppressed, 'Mailgun suppression'),
  second('Inactive recipient: the address previously hard bounced or marked the mail as spam', suppressed, 'Postmark inactive recipient'),
  second('This message is looping: it already has my Delivered-To line. (#5.4.6)', waitOrSetup, 'qmail-local loop'),
  second("Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)", fix, 'qmail-remote'),
  second('Das Postfach ist gesperrt', fix, 'German'),
  second('Die Empfängeradresse ist ungültig', fix, 'German'),
  second('Der Speicherplatz für dieses Postfach ist aufgebraucht', full, 'German'),
  second('Die Nachricht wurde als Spam eingestuft und abgewiesen', block, 'German'),
  second('Adresse destinataire refusée : utilisateur inexistant', fix, 'French'),
  second('Message refusé : considéré comme spam', block, 'French'),
  second('Service temporairement indisponible, réessayez plus tard', wait, 'French'),
  second('La cuenta de correo del destinatario está deshabilitada', fix, 'Spanish'),
  second('Buzón de correo lleno', full, 'Spanish'),
  second('Usuário inexistente neste domínio', fix, 'Portuguese'),
  second('A mensagem foi bloqueada por conter conteúdo suspeito', block, 'Portuguese'),
  second('Casella di posta del destinatario piena, riprovare più tardi', ['wait-full-mailbox', 'wait-and-retry'], 'Italian'),
  second('Indirizzo non valido', fix, 'Italian'),
  second('Deze mailbox is uitgeschakeld', fix, 'Dutch'),
  second('Het postvak van de ontvanger is vol', full, 'Dutch'),
  second('Adres e-mail odbiorcy nie istnieje', fix, 'Polish'),
  second('Przekroczono limit miejsca w skrzynce odbiorczej', full, 'Polish'),
  second('送信先のアドレスは無効です', fix, 'Japanese'),
  second('Mottagarens postlåda är full', full, 'Swedish'),
  second('Schránka příjemce je plná', full, 'Czech'),
  second('I will be out of the office starting Friday and returning on Monday.', notBounce, 'auto-reply'),
  second('Thank you for contacting us. This is an automated acknowledgement: we have received your message and will respond within two business days.', notBounce, 'auto-reply, ticket acknowledgement'),
  second("Bonjour, je suis absent du bureau jusqu'au 10 octobre.", notBounce, 'auto-reply, French'),
  second('Vielen Dank für Ihre Nachricht. Ich befinde mich im Urlaub und bin ab dem 3. März wieder erreichbar.', notBounce, 'auto-reply, German'),
  second('Olá, estou de licença até dia 20.', notBounce, 'auto-reply, Portuguese'),
  second('To complete delivery of your message, please click the link below to add yourself to my list of approved senders.', notBounce, 'challenge-response'),
  second('This address no longer accepts mail. Please update your records.', fix, 'retired address notice'),
  second('550 5.7.1 Mailbox does not exist', fix, 'generic X.7.1 with a clear text'),
  second("554 5.7.1 Recipient's mailbox is over quota", full, 'generic X.7.1 with a clear text'),
  second('550 5.7.1 Account disabled', fix, 'generic X.7.1 with a clear text'),
  second('451 4.7.1 Please try again later', wait, 'RFC 3463 X.7.1 transient'),
  second('550 5.0.0 <mia@example.at>: user has moved to another organization', fix, 'generic X.0.0 with a clear text'),
  // Written after the second rework, before any further change, and measured once (see the header).
  third('host mx.example.ie[198.51.100.61] said: 550 5.1.1 <aoife@example.ie>: Recipient address rejected: mailbox not found (in reply to RCPT TO command)', fix, 'Postfix relaying a rejection'),
  third('host mx.example.cz[203.0.113.77] said: 452 4.3.1 Insufficient system storage (in reply to MAIL FROM command)', ['wait-and-retry', 'wait-full-mailbox'], 'Postfix, RFC 3463 X.3.1'),
  third('delivery temporarily suspended: lost connection with mx.example.fi[198.51.100.5] while receiving the initial server greeting', wait, 'Postfix smtp(8)'),
  third('SMTP error from remote mail server after RCPT TO:<ed@example.com.au>: 550 Unknown local part ed in <ed@example.com.au>', fix, 'Exim remote local part'),
  third('SMTP error from remote mail server after end of data: 550 Rejected: the message contains an executable attachment', block, 'Exim ACL attachment check'),
  third('ed@example.com.au: No space left on device', ['wait-and-retry', 'wait-full-mailbox'], 'local delivery, disk full'),
  third('550 5.1.1 <ed@example.com.au>... No such person at this address', fix, 'Sendmail'),
  third('553 5.3.0 <ed@example.com.au>... Addressee unknown, relay=[198.51.100.4]', fix, 'Sendmail'),
  third("550 5.1.0 Sender denied as sender's email address is on SenderFilterConfig list", block, 'Exchange sender filter'),
  third('550 5.7.124 Sender not in allowed-senders list', block, 'Microsoft NDR 5.7.124'),
  third("The group sales@contoso.example only accepts messages from people in its organization or on its allowed senders list, and your email address isn't on the list.", block, 'Microsoft 365 NDR body, restricted group'),
  third("Your message wasn't delivered because the recipient's email address wasn't recognized by the destination server.", fix, 'Microsoft 365 NDR body'),
  third('550 5.4.350 Remote server returned message detected as a loop', waitOrSetup, 'Microsoft NDR 5.4.350'),
  third('451 4.4.0 DNS query failed. The error was: SMTPSEND.DNS.NonExistentDomain; nonexistent domain', ['fix-address', 'wait-and-retry'], 'Microsoft NDR 4.4.0'),
  third('550 5.7.1 Gmail has detected that this message is likely unsolicited mail.', block, 'Gmail 5.7.1 unsolicited'),
  third('550-5.1.1 The email account that you tried to reach is disabled.', fix, 'Gmail disabled account'),
  third("452-4.2.2 The recipient's inbox has exceeded its storage quota", full, 'Gmail 4.2.2'),
  third('550 5.7.350 Remote server returned message detected as spam', block, 'Microsoft NDR 5.7.350'),
  third('421 4.7.1 [TSS04] Messages from 198.51.100.4 temporarily deferred due to user complaints', waitOrBlock, 'Yahoo TSS04'),
  third('554 5.7.1 [P4] Message blocked due to spam content in the message.', block, 'Yahoo P4'),
  third('550 5.4.6 Unable to deliver to the recipient as the mailbox has been blocked. Contact the recipient to have it unblocked', fix, 'Zoho blocked mailbox'),
  third('451 4.7.1 Greylisted, please try again in 5 minutes', wait, 'Zoho greylisting'),
  third('554-IP address is black listed', block, 'GMX / web.de IP block'),
  third('Das Empfängerpostfach hat keinen freien Speicherplatz mehr', full, 'web.de, German'),
  third('550 5.7.1 Message rejected under suspicion of SPAM', block, 'Yandex spam'),
  third('550 Message was not accepted -- message contains prohibited content', block, 'Mail.ru content'),
  third('Указанный адрес электронной почты не зарегистрирован', fix, 'Russian'),
  third("550 5.7.0 Le serveur d'envoi a une mauvaise réputation. Bad reputation of sending server.", block, 'Orange reputation, bilingual'),
  third('550 5.7.1 Recipient address rejected: not authorized to receive mail from this sender', block, 'Proofpoint recipient policy'),
  third('550 Rejected by AV scanning - virus detected', block, 'Mimecast anti-virus'),
  third('550 permanent failure for one or more recipients (rick@example.net:550 5.1.1 rick@example.net: Recipient unknown)', fix, 'Barracuda relaying a rejection'),
  third('Permanent bounce (OnAccountSuppressionList): the address is on your account-level suppression list', suppressed, 'Amazon SES bounce subtype OnAccountSuppressionList'),
  third('Bounce: 550 5.2.1 The email account that you tried to reach is disabled', fix, 'SendGrid bounce event'),
  third('Remote server reported: mailbox full, will retry', full, 'Mailgun temporary failure'),
  third('Spam complaint: the recipient marked your message as spam; further mail to this address is blocked', suppressed, 'Postmark spam complaint'),
  third("The recipient's account has been suspended. (#5.2.1)", fix, 'qmail-style'),
  third('Diese Adresse existiert bei uns nicht mehr', fix, 'German'),
  third('Die maximale Größe des Postfachs wurde überschritten', full, 'German'),
  third("L'adresse électronique du destinataire est introuvable", fix, 'French'),
  third('Votre message a été bloqué car il a été identifié comme indésirable', block, 'French'),
  third('Le compte de messagerie du destinataire a été désactivé', fix, 'French'),
  third('El destinatario no existe en este dominio', fix, 'Spanish'),
  third('La casilla del usuario excedió el espacio permitido', full, 'Spanish (Latin America)'),
  third('A conta do destinatário foi desativada', fix, 'Portuguese'),
  third('Falha temporária no servidor de destino, tentaremos novamente', wait, 'Portuguese'),
  third("L'account del destinatario è stato disattivato", fix, 'Italian'),
  third('Spazio su disco esaurito nella casella del destinatario', full, 'Italian'),
  third('Het bericht is geweigerd omdat het als spam werd aangemerkt', block, 'Dutch'),
  third('Onbekende ontvanger', fix, 'Dutch'),
  third('E-postadressen finns inte', fix, 'Swedish'),
  third('Modtagerens postkasse er fuld', full, 'Danish'),
  third('Mottakerens innboks er full', full, 'Norwegian'),
  third('Konto odbiorcy zostało zablokowane', fix, 'Polish'),
  third('Uživatel neexistuje', fix, 'Czech'),
  third('Alıcının posta kutusu dolu', full, 'Turkish'),
  third('Vastaanottajan postilaatikko on täynnä', full, 'Finnish'),
  third('メールアドレスが存在しないため配信できませんでした', fix, 'Japanese'),
  third('收件人地址不存在', fix, 'Chinese'),
  third('받는 사람의 메일함이 가득 찼습니다', full, 'Korean'),
  third("I'm on leave from 2 to 16 August and won't be checking email.", notBounce, 'auto-reply'),
  third('Automatic reply: I have moved to a new role; please write to my colleague instead.', notBounce, 'auto-reply'),
  third('Please note that I am working reduced hours this month and may take longer to reply.', notBounce, 'auto-reply'),
  third('Your message has been received by our helpdesk. A ticket number has been assigned.', notBounce, 'ticket acknowledgement'),
  third('Before I can receive your email, please verify your address by replying to this message.', notBounce, 'challenge-response'),
  third('Sono fuori ufficio fino al 5 maggio.', notBounce, 'auto-reply, Italian'),
  third('Ik ben met vakantie en lees mijn e-mail niet.', notBounce, 'auto-reply, Dutch'),
  third('550 5.7.1 User unknown in virtual mailbox table', fix, 'generic X.7.1 with a clear text'),
  third('550 5.7.1 Mailbox has been disabled', fix, 'generic X.7.1 with a clear text'),
  third('554 5.7.1 Quota exceeded for this mailbox', full, 'generic X.7.1 with a clear text'),
  third("550 5.0.0 Recipient's mailbox is full", full, 'generic X.0.0 with a clear text'),
  // Written after the third rework, before any further change, and measured once (see the header).
  fourth('host mx.example.gr[198.51.100.81] said: 550 5.1.1 <nikos@example.gr>: Recipient address rejected: No such user (nikos@example.gr) (in reply to RCPT TO command)', fix, 'Postfix relaying a rejection'),
  fourth('host mx.example.hu[203.0.113.8] said: 554 5.7.1 Spam message rejected; If this is not spam contact abuse (in reply to end of DATA command)', block, 'Postfix, content filter at the remote end'),
  fourth('connect to mx.example.ro[198.51.100.82]:25: Connection refused', wait, 'Postfix smtp(8)'),
  fourth('Host or domain name not found. Name service error for name=mail.exmaple.org type=AAAA: Host found but no data record of requested type', ['fix-address', 'wait-and-retry'], 'Postfix DNS NODATA'),
  fourth('SMTP error from remote mail server after RCPT TO:<olu@example.ng>: 550 Address olu@example.ng does not exist', fix, 'Exim'),
  fourth('SMTP error from remote mail server after RCPT TO:<olu@example.ng>: 452 Too many recipients received this hour', wait, 'Exim ratelimit ACL'),
  fourth('olu@example.ng: Mailbox is locked by another process', wait, 'local delivery lock'),
  fourth('550 5.1.1 <mei@example.tw>... Recipient address rejected: Mailbox does not exist', fix, 'Sendmail relaying a rejection'),
  fourth('451 4.3.2 Please try again later', wait, 'RFC 3463 X.3.2'),
  fourth('550 5.7.1 Sender IP 198.51.100.3 is not allowed by the SPF record of example.app', setup, 'RFC 7208 fail with a generic code'),
  fourth('550 5.7.129 RESOLVER.RST.RestrictedToRecipientsPermission; you are not allowed to send to this recipient', block, 'Microsoft NDR 5.7.129'),
  fourth("Your message to andre@fabrikam.example couldn't be delivered. The recipient's mailbox doesn't have enough space to accept new messages.", full, 'Microsoft 365 NDR body'),
  fourth("This message couldn't be delivered because the sending email address was not recognized as a valid sender", setup, 'Microsoft 365 NDR body, sender'),
  fourth('554 5.7.7 Message rejected due to DKIM signature verification failure', setup, 'RFC 6376 with X.7.7'),
  fourth('550 5.7.1 [IRR] Our system has detected that this message is not RFC 5322 compliant', setup, 'Gmail-style format rejection'),
  fourth('452 4.2.2 The email account that you tried to reach is over quota and inactive.', ['wait-full-mailbox', 'fix-address'], 'Gmail 4.2.2 inactive'),
  fourth('550-5.7.26 This mail has been blocked because the sender is unauthenticated.', setup, 'Gmail 5.7.26'),
  fourth('553 5.7.1 [BL23] Connections not accepted from IP addresses on Spamhaus XBL', block, 'Yahoo BL23'),
  fourth('554 delivery error: dd Requested mailbox is currently unavailable (recipient account is inactive)', fix, 'Yahoo inactive account'),
  fourth('550 5.7.0 [HM08] Message rejected due to local policy', block, 'iCloud HM08'),
  fourth('550 Requested action not taken: mailbox unavailable / Recipient unknown', fix, 'GMX / web.de, bilingual code'),
  fourth('554-Der Absender wurde aufgrund seiner Reputation abgelehnt', block, 'GMX / web.de, German'),
  fourth('451 4.7.1 Sender address temporarily deferred', wait, 'Yandex deferral'),
  fourth('550 Message rejected by filter. Recipient does not accept mail from your domain', block, 'Mail.ru filter'),
  fourth('550 5.1.1 Destinataire inconnu. Unknown recipient. OFR_416', fix, 'Orange, bilingual'),
  fourth("550 5.7.1 Message rejected: sender is on the recipient organization's block list", block, 'Proofpoint block list'),
  fourth('550 Rejected due to a Targeted Threat Protection policy', block, 'Mimecast TTP'),
  fourth('554 5.7.1 Rejected: sender domain has failed DMARC', setup, 'Barracuda DMARC'),
  fourth('Permanent bounce (UnsubscribedRecipient): the recipient has unsubscribed from receiving mail', suppressed, 'Amazon SES bounce subtype'),
  fourth("Transient bounce (General): the recipient's email provider sent a general soft bounce", wait, 'Amazon SES bounce subtype'),
  fourth('Dropped: Invalid email address', fix, 'SendGrid drop reason'),
  fourth('Not delivering to an address that has been flagged as a hard bounce', suppressed, 'Mailgun suppression'),
  fourth('Unsubscribe: the recipient asked to stop receiving mail from you', suppressed, 'Postmark unsubscribe'),
  fourth("Sorry, I wasn't able to deliver: mailbox full. (#4.2.2)", full, 'qmail-style'),
  fourth('Die E-Mail-Adresse des Empfängers wurde nicht gefunden', fix, 'German'),
  fourth('Das Benutzerkonto wurde gesperrt', fix, 'German'),
  fourth('Vorübergehender Fehler beim Zielserver, die Zustellung wird erneut versucht', wait, 'German'),
  fourth('La boîte de réception du destinataire est saturée', full, 'French'),
  fourth('Le destinataire est inconnu sur ce domaine', fix, 'French'),
  fourth('No se pudo entregar: el correo fue rechazado por considerarse correo no deseado', block, 'Spanish'),
  fourth('La dirección de destino está inactiva', fix, 'Spanish'),
  fourth('Caixa de correio do destinatário sem espaço disponível', full, 'Portuguese'),
  fourth('Destinatário não encontrado', fix, 'Portuguese'),
  fourth('La casella di posta è stata disabilitata', fix, 'Italian'),
  fourth('Het postvak van de ontvanger heeft de limiet bereikt', full, 'Dutch'),
  fourth('Meddelandet avvisades som skräppost', block, 'Swedish'),
  fourth('Nie znaleziono odbiorcy', fix, 'Polish'),
  fourth('Adresa příjemce neexistuje', fix, 'Czech'),
  fourth('Пользователь с таким адресом не найден', fix, 'Russian'),
  fourth('宛先のメールボックスは容量オーバーです', full, 'Japanese'),
  fourth('该邮箱已被停用', fix, 'Chinese'),
  fourth('Thank you for your message. I am attending a conference until Thursday.', notBounce, 'auto-reply'),
  fourth('I am no longer working at Example Ltd. This mailbox will be deleted shortly.', ['not-a-bounce', 'fix-address'], 'auto-reply, leaver'),
  fourth('Estoy de baja médica hasta el 15.', notBounce, 'auto-reply, Spanish'),
  fourth('Ich bin ab sofort in Elternzeit.', notBounce, 'auto-reply, German'),
  fourth('Your email was received and is pending approval by the list moderator.', notBounce, 'list moderation notice'),
  fourth('To protect my inbox from spam, please confirm you sent this message by clicking the link below.', notBounce, 'challenge-response'),
  fourth('550 5.7.1 Recipient does not exist here', fix, 'generic X.7.1 with a clear text'),
  fourth('550 5.7.1 User account is disabled', fix, 'generic X.7.1 with a clear text'),
  fourth('553 5.7.1 Mailbox full', full, 'generic X.7.1 with a clear text'),
  // Written after the fourth rework, before any further change, and measured once (see the header).
  fifth('host mx.example.is[198.51.100.90] said: 550 5.1.1 <sigga@example.is>: Recipient address rejected: Unknown user (in reply to RCPT TO command)', fix, 'Postfix relaying a rejection'),
  fifth('host mx.example.lt[203.0.113.90] said: 421 4.7.0 Too many connections from your host, closing transmission channel', wait, 'Postfix smtp(8), remote connection limit'),
  fifth('SMTP error from remote mail server after RCPT TO:<ugo@example.it>: 550 5.2.1 <ugo@example.it>: mailbox is inactive', fix, 'Exim'),
  fifth('SMTP error from remote mail server after initial connection: 554 5.7.1 Your IP has been listed by a reputation service', block, 'Exim, banner rejection'),
  fifth('550 5.1.1 <mary@example.ca>... Address not recognized', fix, 'Sendmail-style'),
  fifth('452 4.2.2 Quota exceeded (mailbox for user is full)', full, 'Dovecot LMTP'),
  fifth('550 5.7.511 Access denied, banned sender', block, 'Microsoft NDR 5.7.511'),
  fifth("Your message to the recipient couldn't be delivered because the recipient's email server rejected it as spam.", block, 'Microsoft 365 NDR body'),
  fifth("The email address you sent to doesn't exist. Check the spelling and try again.", fix, 'provider bounce body'),
  fifth("We couldn't deliver your message because the destination domain couldn't be found.", fix, 'provider bounce body'),
  fifth('550 5.7.1 Email quota exceeded', full, 'generic X.7.1 with a clear text'),
  fifth('451 4.7.650 The mail server has been temporarily rate limited due to IP reputation.', waitOrBlock, 'Microsoft NDR 4.7.650'),
  fifth('550 5.7.1 Service unavailable, Client host blocked using Spamhaus.', block, 'Postfix-style RBL'),
  fifth('554 5.7.1 The message from (<noreply@app.example>) with the subject of (Welcome) matches a profile the Internet community may consider spam.', block, 'Cisco Secure Email spam profile'),
  fifth('550 5.7.1 Reject for policy reason RCP-P1', block, 'provider policy code'),
  fifth('421 Service not available, local error in processing, try again later', wait, 'RFC 5321 421 / 451 wording'),
  fifth('553 5.1.3 The recipient address <ann@example> is not a valid RFC 5321 address.', fix, 'RFC 3463 X.1.3'),
  fifth('554 5.4.6 Hop count exceeded - possible mail loop', waitOrSetup, 'RFC 3463 X.4.6'),
  fifth('Mailbox unavailable: account closed', fix, 'closed account'),
  fifth('Sender address rejected: not owned by user', setup, 'Postfix reject_sender_login_mismatch'),
  fifth('Sending quota exceeded for this account, try again in 24 hours', waitOrSetup, 'sending-service quota'),
  fifth('Email address is not verified. The following identities failed the check in region EU-WEST-1', setup, 'Amazon SES sandbox'),
  fifth('Recipient address suppressed due to customer policy', suppressed, 'sending-service suppression'),
  fifth('Message dropped: recipient is on the bounce list', suppressed, 'sending-service bounce list'),
  fifth('Postmaster: The recipient mailbox no longer exists', fix, 'postmaster notice'),
  fifth('Das Postfach des Benutzers hat das Speicherkontingent überschritten', full, 'German'),
  fifth('Die Zieladresse wurde nicht gefunden', fix, 'German'),
  fifth('Le message a été rejeté car il contient un virus', block, 'French'),
  fifth('Boîte aux lettres inexistante', fix, 'French'),
  fifth('El servidor de destino rechazó el mensaje temporalmente, se reintentará', wait, 'Spanish'),
  fifth('Correo rechazado: remitente en lista negra', block, 'Spanish'),
  fifth('O servidor do destinatário recusou a mensagem por suspeita de spam', block, 'Portuguese'),
  fifth('La casella di posta elettronica non esiste', fix, 'Italian'),
  fifth('Het account van de ontvanger is geblokkeerd', fix, 'Dutch'),
  fifth('Postlådan är full och kan inte ta emot fler meddelanden', full, 'Swedish'),
  fifth('Skrzynka pocztowa jest pełna', full, 'Polish'),
  fifth('Поштова скринька переповнена', full, 'Ukrainian'),
  fifth('メールボックスがいっぱいのため、メッセージを配信できませんでした', full, 'Japanese'),
  fifth('该用户不存在', fix, 'Chinese'),
  fifth('Hi, I am away until the 4th. For urgent matters, call the front desk.', notBounce, 'auto-reply'),
  fifth('Merci pour votre message, je serai de retour le 12.', notBounce, 'auto-reply, French'),
  fifth('Gracias por su correo. Me encuentro de vacaciones hasta el 2 de enero.', notBounce, 'auto-reply, Spanish'),
  fifth('Obrigado pela mensagem. Estou fora do escritório até segunda-feira.', notBounce, 'auto-reply, Portuguese'),
  fifth('Bedankt voor uw bericht. Ik ben vanaf maandag weer bereikbaar.', notBounce, 'auto-reply, Dutch'),
  fifth('This is an auto-generated message: your email has been forwarded to the new team inbox.', notBounce, 'auto-forward notice'),
  fifth('Please verify that you are human by completing the captcha at the link below; your message will then be delivered.', notBounce, 'challenge-response'),
  fifth('550 5.7.1 Recipient mailbox disabled', fix, 'generic X.7.1 with a clear text'),
  fifth('550 5.7.1 No such recipient here', fix, 'generic X.7.1 with a clear text'),
  fifth("554 5.7.1 The recipient's mailbox is over its storage limit", full, 'generic X.7.1 with a clear text'),
  // Written after the fifth rework, before any further change, and measured once (see the header).
  sixth('host mx.example.ee[198.51.100.95] said: 550 5.1.1 <liis@example.ee>: Recipient address rejected: User does not exist (in reply to RCPT TO command)', fix, 'Postfix relaying a rejection'),
  sixth('host mx.example.sk[203.0.113.95] said: 450 4.7.1 <noreply@app.example>: Sender address rejected: try again later (in reply to RCPT TO command)', wait, 'Postfix, remote sender deferral'),
  sixth('SMTP error from remote mail server after RCPT TO:<ben@example.co.za>: 550 Mailbox disabled for this recipient', fix, 'Exim'),
  sixth('SMTP error from remote mail server after end of data: 552 Message size exceeds maximum permitted', setup, 'Exim'),
  sixth('550 5.7.1 Delivery not authorized, message refused: message contains a known phishing URL', block, 'content filter'),
  sixth('421 4.7.0 Connection rate limit exceeded, please try again later', wait, 'connection rate limit'),
  sixth('550 5.1.1 Recipient rejected: the mailbox is unknown', fix, 'RFC 3463 X.1.1'),
  sixth('554 5.7.1 Message rejected because it appears to contain malicious content', block, 'content filter'),
  sixth("Your message to ben@example.co.za couldn't be delivered. ben's mailbox is full and can't accept messages now.", full, 'Microsoft 365 NDR body'),
  sixth("We're sorry, the mail server for example.co.za rejected your message because your sending server isn't authorized to send for your domain.", setup, 'provider bounce body, SPF'),
  sixth("The recipient's email system only accepts messages sent over an encrypted connection.", setup, 'provider bounce body, TLS'),
  sixth('550 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM', setup, 'Microsoft NDR 5.7.57'),
  sixth('Delivery to this recipient was stopped after 72 hours because the destination server kept refusing the connection.', wait, 'queue expiry'),
  sixth('Recipient inbox full - message could not be delivered', full, 'sending-service bounce description'),
  sixth('The account you are trying to email has been deactivated.', fix, 'provider bounce body'),
  sixth('Unable to deliver: the email address was mistyped or does not exist', fix, 'sending-service bounce description'),
  sixth('Your message was blocked because your server appears on a spam list.', block, 'provider bounce body'),
  sixth('Mail not delivered: the recipient has blocked messages from your address.', block, 'provider bounce body'),
  sixth('The message could not be delivered because the recipient domain has a DMARC policy of reject and your message failed the check.', setup, 'provider bounce body, DMARC'),
  sixth('Message deferred: the receiving server is overloaded. We will try again shortly.', wait, 'sending-service deferral'),
  sixth('Bounce reason: address does not exist at this domain', fix, 'sending-service bounce description'),
  sixth('Soft bounce: recipient mailbox temporarily unavailable', wait, 'sending-service bounce description'),
  sixth('Hard bounce: domain has no mail server', fix, 'sending-service bounce description'),
  sixth('Delivery failed: the recipient mailbox has exceeded its size limit', full, 'sending-service bounce description'),
  sixth('Der Empfänger hat keinen gültigen Briefkasten auf diesem Server', fix, 'German'),
  sixth('Ihre Nachricht konnte nicht zugestellt werden: Empfänger abgewiesen, Spamverdacht', block, 'German'),
  sixth('Le serveur du destinataire ne répond pas, nouvelle tentative plus tard', wait, 'French'),
  sixth("Le domaine du destinataire n'existe pas", fix, 'French'),
  sixth('La cuenta del destinatario no está disponible porque fue eliminada', fix, 'Spanish'),
  sixth('No hay espacio suficiente en el buzón del destinatario', full, 'Spanish'),
  sixth('Endereço de e-mail inválido', fix, 'Portuguese'),
  sixth('A caixa de entrada do destinatário está lotada', full, 'Portuguese'),
  sixth('Il messaggio è stato respinto perché considerato spam', block, 'Italian'),
  sixth('De ontvanger bestaat niet op deze server', fix, 'Dutch'),
  sixth('Mottagaren kunde inte hittas', fix, 'Swedish'),
  sixth('Skrzynka odbiorcy została wyłączona', fix, 'Polish'),
  sixth('Adresát neexistuje', fix, 'Czech'),
  sixth('Получатель не найден на сервере', fix, 'Russian'),
  sixth('受信者のアドレスが見つかりませんでした', fix, 'Japanese'),
  sixth('对方邮箱空间已满', full, 'Chinese'),
  sixth('수신자 주소가 존재하지 않습니다', fix, 'Korean'),
  sixth("I'm out of the office this week and will respond to your message on my return.", notBounce, 'auto-reply'),
  sixth('Thank you for writing. I am on holiday until 20 July and will read my mail when I get back.', notBounce, 'auto-reply'),
  sixth('Je suis actuellement en vacances avec un accès limité à mes e-mails.', notBounce, 'auto-reply, French'),
  sixth('Ich bin derzeit auf Geschäftsreise und lese meine E-Mails nur eingeschränkt.', notBounce, 'auto-reply, German'),
  sixth('Sono in vacanza fino al 30 agosto.', notBounce, 'auto-reply, Italian'),
  sixth("Your message is waiting for approval: I only accept email from contacts I've approved. Click below to request approval.", notBounce, 'challenge-response'),
  sixth('550 5.7.1 Account inactive', fix, 'generic X.7.1 with a clear text'),
  sixth('550 5.7.1 Unknown user account', fix, 'generic X.7.1 with a clear text'),
  sixth('552 5.7.1 Mailbox storage full', full, 'generic X.7.1 with a clear text'),
];
