import type { BackendError } from '../../engine/BackendError.ts';
import type { DeliveryEvent, NotSentReason } from '../../engine/InvitationBackend.ts';

/**
 * How the memory backend's outgoing mail is set up. With a `failure`, no mail leaves: every send
 * (invite, resend, password reset) records a `not_sent` event and fails with `not_sent`.
 */
export interface MemorySendingSetup {
  /** False: no mail server configured at all. @default true */
  configured: boolean;
  /** @default "Demo mail" */
  provider: string;
  /** The sender address; absent: the policy's `senderAddress`. */
  from?: string;
  /** Where invite links point (no trailing slash). @default "https://app.example.com" */
  linkOrigin: string;
  /** Why every send fails right now, or `null` when mail leaves. @default null */
  failure: NotSentReason | null;
}

export const defaultSendingSetup: MemorySendingSetup = {
  configured: true,
  provider: 'Demo mail',
  linkOrigin: 'https://app.example.com',
  failure: null,
};

/** The setup a seed or a demo control asks for, completed with the defaults. */
export function createSendingSetup(overrides: Partial<MemorySendingSetup> = {}): MemorySendingSetup {
  return { ...defaultSendingSetup, ...overrides };
}

/** How long a provider's quota keeps refusing before it tries again (the simulated Retry-After). */
const quotaRetryAfterMs = 60 * 60_000;

/** The refusal as the sending service words it, so the wizard can show the backend's own text. */
export function notSentText(reason: NotSentReason, from = 'invitations@app.example.com'): string {
  const domain = from.slice(from.lastIndexOf('@') + 1);
  switch (reason) {
    case 'mail_not_configured':
      return 'No SMTP server configured (SMTP_URL is not set); the message was not sent.';
    case 'auth_refused':
      return '535 5.7.8 Authentication credentials invalid';
    case 'provider_rate_limited':
      return '429 Too Many Requests: daily sending quota reached';
    case 'sandbox_recipient':
      return '554 Message rejected: the account is in sandbox mode and may only send to verified recipients; the recipient address is not verified.';
    case 'sender_not_authenticated':
      return `550 5.7.26 Unauthenticated email from ${domain} is not accepted due to the domain's DMARC policy (SPF and DKIM did not pass).`;
    case 'sending_domain_unverified':
      return `403 The ${domain} domain is not verified. Add and verify the domain's DNS records in the sending service before sending.`;
    case 'connection_refused':
      return 'connect ECONNREFUSED 127.0.0.1:587';
  }
}

/** The log entry and the error of one send that never left. */
export function notSentAttempt(email: string, at: string, reason: NotSentReason, from?: string): { event: DeliveryEvent; error: BackendError } {
  const text = notSentText(reason, from);
  return {
    event: { at, email, kind: 'not_sent', reason, text },
    error: { kind: 'not_sent', reason, message: text, ...(reason === 'provider_rate_limited' ? { retryAfterMs: quotaRetryAfterMs } : {}) },
  };
}
