import type { WaitStep } from './flowSchema.ts';
import type { Policy } from './Policy.ts';
import type { SessionContext } from './SessionContext.ts';
import { resendPossibleAt } from './resendPossibleAt.ts';
import { lastSentAt } from './lastSentAt.ts';

// Re-exported: callers have long imported it from here.
export { lastSentAt };

/**
 * When a wait step ends. Counting from the last send means a person who reports a missing email
 * two minutes after it went out waits only the three minutes left, not five more.
 */
export function waitDeadline(step: WaitStep, context: SessionContext, policy: Policy, now: number): number {
  // Waiting out a refused resend counts down to the time the backend gave, not the policy's guess.
  if (step.duration === 'resendCooldownMs' && context.lastError?.kind === 'rate_limited') {
    const possibleAt = resendPossibleAt(context, policy);
    if (possibleAt !== null) return Math.max(now, possibleAt);
  }
  const duration = typeof step.duration === 'string' ? policy[step.duration] : step.duration.ms;
  const base = step.from === 'lastSent' ? (lastSentAt(context) ?? now) : now;
  return Math.max(now, base + duration);
}
