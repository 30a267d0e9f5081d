/**
 * What the admin should do next about a delivery error: the wizard branches on this.
 * - `fix-address`: the address or its domain is wrong or unusable; confirm it, cancel and re-invite.
 * - `wait-full-mailbox`: the mailbox is full; the person frees space, then resend.
 * - `allow-list-sender`: the recipient's filter or policy refused the mail; their IT allow-lists the sender.
 * - `fix-sending-setup`: the sending side is at fault (SPF/DKIM/DMARC, reverse DNS, TLS, relaying, size).
 * - `wait-and-retry`: a temporary problem; mail systems retry, so wait, then resend.
 * - `resend-suppressed`: the sending provider suppresses the address after an earlier bounce; resend to force a new attempt.
 * - `not-a-bounce`: an auto-reply, a complaint report or a delivery notice, not a failure.
 * - `unknown`: nothing recognisable; show the raw text and escalate.
 */
export type DeliveryAction =
  | 'fix-address'
  | 'wait-full-mailbox'
  | 'allow-list-sender'
  | 'fix-sending-setup'
  | 'wait-and-retry'
  | 'resend-suppressed'
  | 'not-a-bounce'
  | 'unknown';

/** Every {@link DeliveryAction}, in the order above. */
export const deliveryActions: readonly DeliveryAction[] = [
  'fix-address',
  'wait-full-mailbox',
  'allow-list-sender',
  'fix-sending-setup',
  'wait-and-retry',
  'resend-suppressed',
  'not-a-bounce',
  'unknown',
];
