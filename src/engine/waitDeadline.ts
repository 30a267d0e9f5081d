import type { WaitStep } from './flowSchema.ts';
import type { Policy } from './Policy.ts';
import type { SessionContext } from './SessionContext.ts';

/**
 * When a wait step ends. Counting from the last send means a person who reports a missing email
 * two minutes after it went out waits only the three minutes left, not five more.
 */
export function waitDeadline(step: WaitStep, context: SessionContext, policy: Policy, now: number): number {
  const duration = typeof step.duration === 'string' ? policy[step.duration] : step.duration.ms;
  const base = step.from === 'lastSent' ? (lastSentAt(context) ?? now) : now;
  return Math.max(now, base + duration);
}

/** The latest time an invitation went out for this case, from the user record or a resend in this session. */
export function lastSentAt(context: SessionContext): number | null {
  const times = [context.facts.user?.lastSentAt, context.facts.resend?.sentAt, context.facts.invited?.lastSentAt]
    .filter((time): time is string => typeof time === 'string')
    .map((time) => Date.parse(time))
    .filter((time) => Number.isFinite(time));
  return times.length > 0 ? Math.max(...times) : null;
}
