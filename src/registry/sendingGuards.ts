import type { DeliveryEvent, FlowGuard, GuardArgs } from '../engine/index.ts';
import { findSendingProblem, notSentCategory } from '../engine/index.ts';

const outcomeKinds = new Set<DeliveryEvent['kind']>(['delivered', 'deferred', 'bounced', 'dropped', 'suppressed', 'complained']);

/** Guards for our own sending side: did the invitation leave at all, and is outgoing mail set up? */
export const sendingGuards: Record<string, FlowGuard> = {
  /** The backend says no mail server or provider is configured: nothing can leave. */
  isMailNotConfigured: ({ context }) => context.facts.sending?.configured === false,
  /** The current delivery problem is a send our own side refused (a `not_sent` after the last `sent`, or with none). */
  hasNotSentEvent: ({ context }) => context.facts.delivery?.category === notSentCategory,
  isNothingSent,
  /** Any evidence that our own side is at fault: a not-sent finding or error, a sender-setup bounce, or the sending status. */
  hasSendingProblem: ({ context }) => findSendingProblem(context) !== null || context.facts.delivery?.action === 'fix-sending-setup',
};

/**
 * Nothing has left for a pending invitation, read from the delivery log: the log has no `sent`
 * at all (where the backend sees its sends: not when an identity provider mails its own), or the latest `sent` has no outcome and either the backend reports a sending problem or
 * the attempt is older than the delivery window while earlier attempts did report outcomes (so
 * this backend does log them: a stalled queue, not a log that never records outcomes).
 */
function isNothingSent({ context, now, policy }: GuardArgs): boolean {
  const events = context.facts.deliveryEvents;
  if (!events || context.facts.user?.status !== 'invited') return false;
  const lastSent = events.findLastIndex((event) => event.kind === 'sent');
  // Mail an identity provider sent itself never shows up as our `sent`: no log is no finding then.
  if (lastSent === -1) return context.facts.sending?.sendsLogged !== false;
  const after = events.slice(lastSent + 1);
  if (after.some((event) => outcomeKinds.has(event.kind))) return false;
  if (context.facts.sending?.problem) return true;
  const sentAt = Date.parse(events[lastSent]?.at ?? '');
  const reportsOutcomes = events.slice(0, lastSent).some((event) => outcomeKinds.has(event.kind));
  return reportsOutcomes && Number.isFinite(sentAt) && now - sentAt > policy.deliveryWindowMs;
}
