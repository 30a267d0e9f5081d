import { lastSentAt, type Policy, type SessionContext } from '../../engine/index.ts';

export type CallTimerId = 'deliveryWait' | 'resendCooldown' | 'inviteExpiry' | 'resetExpiry';

export interface CallTimer {
  id: CallTimerId;
  /** Epoch ms when it is due. */
  at: number;
}

/**
 * The deadlines that matter on a call, from what the session knows: the delivery wait, when a
 * resend is allowed again (the policy's cooldown after the last send, or a rate limit's own
 * retry time, whichever is later), when the invitation (or the copied link) expires, and when a
 * password-reset link expires. A deadline the session does not know is left out.
 */
export function callTimers(context: SessionContext, policy: Policy): CallTimer[] {
  const { user, resend, invited, inviteLink, passwordReset } = context.facts;
  const timers: CallTimer[] = [];
  if (context.waitDeadline !== null) timers.push({ id: 'deliveryWait', at: context.waitDeadline });

  const sent = lastSentAt(context);
  const rateLimit = context.transcript.findLast((entry) => entry.type === 'error' && entry.error.kind === 'rate_limited');
  const retryAt = rateLimit?.type === 'error' && rateLimit.error.kind === 'rate_limited' ? rateLimit.at + rateLimit.error.retryAfterMs : null;
  const cooldownEnds = [sent === null ? null : sent + policy.resendCooldownMs, retryAt].filter((time): time is number => time !== null);
  if (cooldownEnds.length > 0 && user?.status !== 'active' && user?.status !== 'deactivated') timers.push({ id: 'resendCooldown', at: Math.max(...cooldownEnds) });

  const expiry = inviteLink?.expiresAt ?? resend?.expiresAt ?? invited?.expiresAt ?? (user?.status === 'invited' ? user.expiresAt : null);
  const expiresAt = toEpoch(expiry);
  if (expiresAt !== null) timers.push({ id: 'inviteExpiry', at: expiresAt });

  const resetAt = toEpoch(passwordReset?.expiresAt);
  if (resetAt !== null) timers.push({ id: 'resetExpiry', at: resetAt });
  return timers;
}

function toEpoch(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}
