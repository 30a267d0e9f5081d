import type { SessionContext } from './SessionContext.ts';

/** The latest time an invitation went out for this case, from the user record or a resend in this session. */
export function lastSentAt(context: SessionContext): number | null {
  const times = [context.facts.user?.lastSentAt, context.facts.resend?.sentAt, context.facts.invited?.lastSentAt]
    .filter((time): time is string => typeof time === 'string')
    .map((time) => Date.parse(time))
    .filter((time) => Number.isFinite(time));
  return times.length > 0 ? Math.max(...times) : null;
}
