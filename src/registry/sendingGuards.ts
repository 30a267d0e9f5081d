import type { FlowGuard } from '../engine/index.ts';
import { findSendingProblem, notSentCategory } from '../engine/index.ts';
import { isNothingSent } from './invitationPredicates.ts';

/** Guards for our own sending side: did the invitation leave at all, and is outgoing mail set up? */
export const sendingGuards: Record<string, FlowGuard> = {
  /** The backend says no mail server or provider is configured: nothing can leave. */
  isMailNotConfigured: ({ context }) => context.facts.sending?.configured === false,
  /** The current delivery problem is a send our own side refused (a `not_sent` after the last `sent`, or with none). */
  hasNotSentEvent: ({ context }) => context.facts.delivery?.category === notSentCategory,
  /** See {@link isNothingSent}: the delivery log shows nothing left for a pending invitation. */
  isNothingSent: ({ context, now, policy }) =>
    isNothingSent({ user: context.facts.user, deliveryEvents: context.facts.deliveryEvents, sending: context.facts.sending, now, deliveryWindowMs: policy.deliveryWindowMs }),
  /** Any evidence that our own side is at fault: a not-sent finding or error, a sender-setup bounce, or the sending status. */
  hasSendingProblem: ({ context }) => findSendingProblem(context) !== null || context.facts.delivery?.action === 'fix-sending-setup',
};
