import type { MailRules } from './MemorySeed.ts';

/** How one delivery attempt ends in the simulated mail world. `pending` has no final event yet. */
export type DeliveryOutcome =
  | 'delivered'
  | 'no_mx'
  | 'unknown_mailbox'
  | 'blocked'
  | 'deferred'
  | 'mailbox_full'
  | 'suppressed'
  | 'pending';

/** Decides a new attempt's outcome from the address alone, as a real mail system would. */
export function predictDeliveryOutcome(
  email: string,
  mail: MailRules,
  suppressed: ReadonlySet<string>,
): Exclude<DeliveryOutcome, 'pending'> {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  // The provider drops a suppressed address before any SMTP conversation happens.
  if (suppressed.has(email)) return 'suppressed';
  if (mail.noMxDomains.includes(domain)) return 'no_mx';
  if (mail.unknownMailboxes.includes(email)) return 'unknown_mailbox';
  if (mail.fullMailboxes?.includes(email)) return 'mailbox_full';
  if (mail.blockingDomains.includes(domain)) return 'blocked';
  if (mail.deferringDomains.includes(domain)) return 'deferred';
  return 'delivered';
}
