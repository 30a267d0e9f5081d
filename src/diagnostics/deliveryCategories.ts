/**
 * What kind of delivery problem a bounce text describes; finer than the action, which it decides.
 * - `bad-domain`: the recipient domain does not exist or accepts no mail (no MX, NXDOMAIN).
 * - `bad-mailbox`: the domain is fine but the mailbox does not exist.
 * - `mailbox-disabled`: the mailbox exists but is suspended, disabled, inactive or has moved.
 * - `mailbox-full`: over quota or out of storage.
 * - `blocked`: refused by the recipient's spam filter, block list, reputation or content policy.
 * - `sender-setup`: refused because of how the mail was sent (authentication, reverse DNS, TLS, relaying, size, format).
 * - `temporary`: deferred, timed out, rate limited or expired in the queue.
 * - `greylisted`: deferred on purpose by greylisting; the retry normally succeeds.
 * - `suppressed`: the sending provider did not even try because of an earlier bounce or complaint.
 * - `not-a-bounce`: an auto-reply, a feedback (complaint) report or a successful delivery notice.
 * - `unknown`: nothing recognisable.
 */
export type DeliveryCategory =
  | 'bad-domain'
  | 'bad-mailbox'
  | 'mailbox-disabled'
  | 'mailbox-full'
  | 'blocked'
  | 'sender-setup'
  | 'temporary'
  | 'greylisted'
  | 'suppressed'
  | 'not-a-bounce'
  | 'unknown';

/** Every {@link DeliveryCategory}, in the order above. */
export const deliveryCategories: readonly DeliveryCategory[] = [
  'bad-domain',
  'bad-mailbox',
  'mailbox-disabled',
  'mailbox-full',
  'blocked',
  'sender-setup',
  'temporary',
  'greylisted',
  'suppressed',
  'not-a-bounce',
  'unknown',
];
