import type { BackendError } from '../../../src/engine/BackendError.ts';
import type { NotSentReason } from '../../../src/engine/InvitationBackend.ts';
import { cognitoDefaultRetryAfterSeconds } from './readCognitoFailure.ts';

/** Cognito's answers that mean "the change was made (or was allowed) but the mail never left". */
const notSentCodes = new Set(['CodeDeliveryFailureException', 'InvalidEmailRoleAccessPolicyException']);

/**
 * The contract's `not_sent` for a Cognito mail failure, or `null` when `thrown` is not one.
 * Cognito gives no structured reason, so the closest `NotSentReason` is read from its message:
 * the recipient named as an unverified identity → `sandbox_recipient` (an SES sandbox account);
 * another unverified identity → `sending_domain_unverified`; a refused role or permission →
 * `auth_refused`; throttling or a daily quota → `provider_rate_limited`. With no recognisable
 * message the fallback is `sandbox_recipient`, the usual cause for a pool that sends through SES.
 */
export function cognitoNotSent(thrown: unknown, email: string, what: 'invitation' | 'password reset'): BackendError | null {
  const name = (thrown as { name?: unknown } | null)?.name;
  if (typeof name !== 'string' || !notSentCodes.has(name)) return null;
  const raw = (thrown as { message?: unknown }).message;
  const text = typeof raw === 'string' ? raw.slice(0, 300) : '';
  const reason = notSentReason(name, text, email);
  const created = what === 'invitation' ? ' The account exists at Cognito; resend once the cause is fixed.' : '';
  return {
    kind: 'not_sent',
    reason,
    ...(reason === 'provider_rate_limited' ? { retryAfterMs: cognitoDefaultRetryAfterSeconds * 1000 } : {}),
    message: `Amazon Cognito could not send the ${what} email (${name}${text ? `: ${text}` : ''}).${created} Check the user pool's email settings (SES identity, sandbox, role).`,
  };
}

function notSentReason(code: string, text: string, email: string): NotSentReason {
  if (code === 'InvalidEmailRoleAccessPolicyException' || /not authori[sz]ed|access ?denied|permission/i.test(text)) return 'auth_refused';
  if (/throttl|rate exceeded|quota|sending limit|maximum sending/i.test(text)) return 'provider_rate_limited';
  if (/not verified/i.test(text)) return text.toLowerCase().includes(email.toLowerCase()) ? 'sandbox_recipient' : 'sending_domain_unverified';
  return 'sandbox_recipient';
}
