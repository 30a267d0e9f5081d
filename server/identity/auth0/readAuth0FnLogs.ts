import type { Management } from 'auth0';
import type { DeliveryEvent, NotSentReason } from '../../../src/engine/InvitationBackend.ts';

/**
 * Auth0's "Failed Sending Notification" (`fn`) log entries for one address as `not_sent` delivery
 * events, oldest first, with Auth0's own description as the text. The reason is read from that
 * text where it says one plainly (the SMTP login refused, a rate or quota limit, an unverified
 * domain); otherwise it is left unset rather than guessed.
 */
export function readAuth0FnLogs(logs: readonly Management.Log[], email: string): DeliveryEvent[] {
  return logs
    .filter((log) => log.type === 'fn' && mentions(log, email))
    .map((log): DeliveryEvent => {
      const text = typeof log.description === 'string' ? log.description : undefined;
      const reason = text ? readReason(text) : undefined;
      return {
        at: new Date(String(log.date)).toISOString(),
        email,
        kind: 'not_sent',
        source: 'auth0',
        ...(text ? { text } : {}),
        ...(reason ? { reason } : {}),
      };
    })
    .sort((a, b) => a.at.localeCompare(b.at));
}

function mentions(log: Management.Log, email: string): boolean {
  if ((log.user_name ?? '').toLowerCase() === email) return true;
  return JSON.stringify(log.details ?? {}).toLowerCase().includes(`"${email}"`);
}

function readReason(text: string): NotSentReason | undefined {
  if (/\b535\b|authentication (failed|unsuccessful)|invalid (login|credentials)|api key/i.test(text)) return 'auth_refused';
  if (/rate limit|quota|too many/i.test(text)) return 'provider_rate_limited';
  if (/domain.*(not verified|unverified)|unverified domain/i.test(text)) return 'sending_domain_unverified';
  if (/sandbox/i.test(text)) return 'sandbox_recipient';
  if (/ECONNREFUSED|connection refused|could not connect|timed? ?out/i.test(text)) return 'connection_refused';
  return undefined;
}
