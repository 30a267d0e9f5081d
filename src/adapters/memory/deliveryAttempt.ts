import type { DeliveryEvent } from '../../engine/InvitationBackend.ts';
import type { DeliveryOutcome } from './predictDeliveryOutcome.ts';

/**
 * The log entries of one delivery attempt: `sent`, then the outcome with provider-style text.
 * The engine's bounce classifier reads these codes and phrases, so keep them recognisable.
 */
export function deliveryAttempt(email: string, at: string, outcome: DeliveryOutcome): DeliveryEvent[] {
  const sent: DeliveryEvent = { at, email, kind: 'sent', text: 'Accepted for delivery and queued by the sending service' };
  if (outcome === 'pending') return [sent];
  return [sent, { at, email, ...outcomeEvent(email, at, outcome) }];
}

function outcomeEvent(
  email: string,
  at: string,
  outcome: Exclude<DeliveryOutcome, 'pending'>,
): Omit<DeliveryEvent, 'at' | 'email'> {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  switch (outcome) {
    case 'delivered':
      return { kind: 'delivered', smtpCode: 250, enhancedCode: '2.0.0', text: `250 2.0.0 Ok: queued as ${queueId(at)}` };
    case 'no_mx':
      return {
        kind: 'bounced',
        smtpCode: 550,
        enhancedCode: '5.1.2',
        text: `550 5.1.2 <${email}>: Recipient address rejected: No MX for ${domain}. Host or domain name not found (Name service error for name=${domain} type=MX: NXDOMAIN)`,
      };
    case 'unknown_mailbox':
      return {
        kind: 'bounced',
        smtpCode: 550,
        enhancedCode: '5.1.1',
        text: `550 5.1.1 <${email}>: Recipient address rejected: this mailbox does not exist on the receiving server`,
      };
    case 'blocked':
      return {
        kind: 'bounced',
        smtpCode: 550,
        enhancedCode: '5.7.1',
        text: `550 5.7.1 Message rejected as spam by the recipient's content filter (blocked by policy at ${domain}). Contact the recipient's mail administrator. [DB8EUR05FT012.eop-eur05.prod.protection.outlook.com]`,
      };
    case 'deferred':
      return {
        kind: 'deferred',
        smtpCode: 451,
        enhancedCode: '4.7.1',
        text: `451 4.7.1 <${email}>: Recipient address rejected: Greylisted, please try again later`,
      };
    case 'mailbox_full':
      return {
        kind: 'deferred',
        smtpCode: 452,
        enhancedCode: '4.2.2',
        text: `452 4.2.2 <${email}>: Recipient address rejected: Mailbox full; the user's mailbox is over its storage quota, try again later`,
      };
    case 'suppressed':
      return {
        kind: 'dropped',
        text: `Dropped: previously bounced address. ${email} is on the suppression list after an earlier hard bounce, so no delivery was attempted.`,
      };
  }
}

/** A Postfix-like queue id, stable for a given time so seeds rebuild identically. */
function queueId(at: string): string {
  return Date.parse(at).toString(16).toUpperCase().padStart(11, '0').slice(-11);
}
