import type { Policy } from './Policy.ts';
import type { SessionContext } from './SessionContext.ts';
import { lastSentAt } from './lastSentAt.ts';

/**
 * The longest wait a backend's Retry-After is taken at: 7 days (as the http adapter bounds it).
 * A longer, negative or non-numeric wait from any backend cannot turn into a nonsense time.
 */
export const maxRetryAfterMs = 7 * 86_400_000;

/**
 * When another resend will be accepted, as epoch ms, or `null` when nobody said.
 *
 * - After a resend refused with `rate_limited`: the backend's own `retryAfterMs` from the moment
 *   it refused (bounded to 0 … {@link maxRetryAfterMs}); `null` without a usable one. Never the
 *   policy's cooldown: the backend may limit for another reason and knows better.
 * - Otherwise (the flow's own cooldown check, before any call): the last send plus the policy's
 *   cooldown, or `null` when no send time is known.
 */
export function resendPossibleAt(context: SessionContext, policy: Policy): number | null {
  const error = context.lastError;
  if (error?.kind === 'rate_limited') {
    const refusedAt = context.transcript.findLast((entry) => entry.type === 'error')?.at;
    const wait = error.retryAfterMs;
    if (refusedAt === undefined || typeof wait !== 'number' || Number.isNaN(wait)) return null;
    return refusedAt + Math.min(maxRetryAfterMs, Math.max(0, wait));
  }
  const sent = lastSentAt(context);
  return sent === null ? null : sent + policy.resendCooldownMs;
}
