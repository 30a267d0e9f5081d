import type { Policy, SessionContext } from '../engine/index.ts';
import { missingValue } from './createFormatters.ts';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * A plain-text ticket for the recipient's IT team: the sender to allow-list, the affected
 * address and domain, and the mail server's own words. Plain text on purpose: it is pasted
 * into other people's ticket systems.
 */
export function itTicketText(context: SessionContext, policy: Policy, translate: Translate): string {
  const address = context.email ?? missingValue;
  const domain = context.email?.split('@')[1] ?? missingValue;
  const finding = context.facts.delivery;
  return translate('app.itTicket.text', {
    sender: policy.senderAddress,
    address,
    domain,
    code: finding?.code ?? missingValue,
    providerText: finding?.raw || missingValue,
  });
}
