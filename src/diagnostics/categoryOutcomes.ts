import type { DeliveryAction } from './deliveryActions.ts';
import type { DeliveryCategory } from './deliveryCategories.ts';

/** The admin action and the default translation key of advice for each delivery category. */
export const categoryOutcomes: Readonly<Record<DeliveryCategory, { action: DeliveryAction; adviceKey: string }>> = {
  'bad-domain': { action: 'fix-address', adviceKey: 'diagnostics.advice.badDomain' },
  'bad-mailbox': { action: 'fix-address', adviceKey: 'diagnostics.advice.badMailbox' },
  'mailbox-disabled': { action: 'fix-address', adviceKey: 'diagnostics.advice.mailboxDisabled' },
  'mailbox-full': { action: 'wait-full-mailbox', adviceKey: 'diagnostics.advice.mailboxFull' },
  blocked: { action: 'allow-list-sender', adviceKey: 'diagnostics.advice.blocked' },
  'sender-setup': { action: 'fix-sending-setup', adviceKey: 'diagnostics.advice.senderSetup' },
  temporary: { action: 'wait-and-retry', adviceKey: 'diagnostics.advice.temporary' },
  greylisted: { action: 'wait-and-retry', adviceKey: 'diagnostics.advice.greylisted' },
  suppressed: { action: 'resend-suppressed', adviceKey: 'diagnostics.advice.suppressed' },
  'not-a-bounce': { action: 'not-a-bounce', adviceKey: 'diagnostics.advice.notABounce' },
  unknown: { action: 'unknown', adviceKey: 'diagnostics.advice.unknown' },
};
