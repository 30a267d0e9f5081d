/**
 * Behaviours only the server's demo mail sink has (the in-browser demo does not simulate them);
 * each is listed in the README's "Try it" table. Lower case.
 */
export interface SinkOnlyRules {
  /** Our own relay refuses with its daily sending quota: the mail never leaves (a `not sent` event). */
  quotaMailboxes: readonly string[];
  /** 452 4.2.2: the mailbox is full. */
  fullMailboxes: readonly string[];
  /** 451 4.7.1 greylisting: the same sender, recipient and client are accepted after a delay. */
  greylistingDomains: readonly string[];
  /** The domain's server stops answering after RCPT TO until the client gives up. */
  stallingDomains: readonly string[];
  /** A busy server: 250 after a pause (demo seconds), so the mail is in flight for a while. */
  slowMailboxes: readonly string[];
  /** Refused after DATA with 550 5.7.26: our sending domain fails the recipient's DMARC check. */
  dmarcRejectingMailboxes: readonly string[];
  /** A relay that accepts (250) and bounces a few seconds later with a delivery-status notification. */
  bounceLaterDomains: readonly string[];
}

export const sinkOnlyRules: SinkOnlyRules = {
  quotaMailboxes: ['quinn.quota@example.com'],
  fullMailboxes: ['mia.full@example.com'],
  greylistingDomains: ['greylist.example'],
  stallingDomains: ['stall.example'],
  slowMailboxes: ['ben.recent@example.com'],
  dmarcRejectingMailboxes: ['rosa.dmarc@example.org'],
  bounceLaterDomains: ['relay.example'],
};
