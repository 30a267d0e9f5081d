import type { MailRules } from '../../src/adapters/index.ts';
import { sinkOnlyRules, type SinkOnlyRules } from './sinkOnlyRules.ts';

/** How the demo world's receiving side treats one recipient, decided at RCPT TO. */
export type RecipientFate =
  /** 250 now; the mail lands in the demo inbox. */
  | { kind: 'accept' }
  /** An answer at RCPT TO that refuses this recipient (permanent or temporary). */
  | { kind: 'refuse'; code: number; text: string }
  /** 451 4.7.1 until the same (sender, recipient, client) retries after the greylist delay. */
  | { kind: 'greylist' }
  /** The server never answers RCPT TO: the client times out. */
  | { kind: 'stall' }
  /** 250, but only after a slow pause (a busy server). */
  | { kind: 'slow' }
  /** 250 at RCPT TO, refused after DATA by a content or authentication check. */
  | { kind: 'refuseAfterData'; code: number; text: string }
  /** 250 (a relay accepts it), then a delivery-status notification says it failed further on. */
  | { kind: 'bounceLater'; status: string; diagnostic: string };

/**
 * The demo world's answer for one recipient: the demo seed's mail rules (the same world the
 * in-browser demo simulates) first, then the server-only behaviours of {@link sinkOnlyRules}.
 * Any other address is an existing mailbox, so inviting a new address works. The replies are worded
 * as Postfix and the big providers word them, so the classifier reads them as it would real ones.
 */
export function decideRecipient(address: string, rules: MailRules, extra: SinkOnlyRules = sinkOnlyRules): RecipientFate {
  const email = address.toLowerCase();
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (rules.noMxDomains.includes(domain)) {
    // What our relay answers when it cannot find a mail server for the domain at all.
    return { kind: 'refuse', code: 550, text: `5.1.2 <${email}>: Recipient address rejected: Domain not found; no MX for ${domain}. Host or domain name not found (Name service error for name=${domain} type=MX: NXDOMAIN)` };
  }
  if (rules.unknownMailboxes.includes(email)) {
    return { kind: 'refuse', code: 550, text: `5.1.1 <${email}>: Recipient address rejected: User unknown in virtual mailbox table` };
  }
  if (extra.quotaMailboxes.includes(email)) {
    // Our own relay's account limit, not the recipient's: the mail never left our side.
    return { kind: 'refuse', code: 451, text: '4.7.0 Daily sending quota exceeded for this account; sending is paused until the quota resets (rate limit)' };
  }
  if (extra.fullMailboxes.includes(email) || rules.fullMailboxes?.includes(email)) {
    return { kind: 'refuse', code: 452, text: `4.2.2 <${email}>: Recipient address rejected: Mailbox full; the user's mailbox is over its storage quota, try again later` };
  }
  if (rules.deferringDomains.includes(domain) || extra.greylistingDomains.includes(domain)) return { kind: 'greylist' };
  if (extra.stallingDomains.includes(domain)) return { kind: 'stall' };
  if (extra.slowMailboxes.includes(email)) return { kind: 'slow' };
  if (rules.blockingDomains.includes(domain)) {
    // corp.example's content filter reads the message before refusing it, so it answers after DATA.
    return { kind: 'refuseAfterData', code: 554, text: `5.7.1 Message rejected as spam by the content filter at ${domain} (blocked by policy). Contact the recipient's mail administrator.` };
  }
  if (extra.dmarcRejectingMailboxes.includes(email)) {
    return {
      kind: 'refuseAfterData',
      code: 550,
      text: '5.7.26 This mail has been blocked because the sender is unauthenticated. The receiving server requires senders to authenticate with SPF or DKIM; the DMARC policy of the sending domain is reject (SPF: fail, DKIM: none).',
    };
  }
  if (extra.bounceLaterDomains.includes(domain)) {
    return { kind: 'bounceLater', status: '5.1.1', diagnostic: `550 5.1.1 <${email}>: Recipient address rejected: User unknown in local recipient table` };
  }
  return { kind: 'accept' };
}
