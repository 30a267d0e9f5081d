import { deliveryAttempt, predictDeliveryOutcome, type MailRules } from '../../src/adapters/index.ts';
import type { MailTransport } from './MailTransport.ts';

const noSuppressions: ReadonlySet<string> = new Set();

/**
 * The demo world's mail: each attempt ends as the demo's mail rules say (no MX at exampel.com,
 * an unknown mailbox, corp.example's filter), exactly as the in-browser demo backend decides.
 * Suppression is the service's business (our own list), so none is applied here.
 */
export function createDemoMailTransport(rules: MailRules): MailTransport {
  return {
    provider: 'Demo mail (no real mail leaves)',
    send: async (mail, at) => deliveryAttempt(mail.to, at.toISOString(), predictDeliveryOutcome(mail.to, rules, noSuppressions)),
  };
}
