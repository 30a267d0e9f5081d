import type { DeliveryEvent, InvitedUser, LinkEvent, SendingStatus } from '../engine/index.ts';

/**
 * The small decisions the invitation flows' guards and {@link diagnoseInvitation} both make, as
 * pure functions of the backend's facts. Each guard is a thin wrapper over one of these, so the
 * wizard and the invite-health page cannot drift apart: change a decision here and both move.
 */

/** A link refused this soon after delivery was opened by a machine: no person clicks that fast. */
export const scannerWindowSeconds = 120;

/** A pending invitation whose link has run out (`expiresAt` at or before `now`). */
export function isInvitationExpired(user: InvitedUser | null | undefined, now: number): boolean {
  if (user?.status !== 'invited' || !user.expiresAt) return false;
  return Date.parse(user.expiresAt) <= now;
}

/** Accepted the invite but left before finishing setup: a password reset finishes it, a re-invite cannot. */
export function isSetupUnfinished(user: InvitedUser | null | undefined): boolean {
  return user?.status === 'active' && Boolean(user.acceptedAt) && !user.setupCompleted;
}

/**
 * A refusal that a mail security scanner caused (Safe Links, a security gateway): refused as used
 * or expired within {@link scannerWindowSeconds} of delivery, or flagged automated.
 */
export function isScannerRefusal(event: LinkEvent): boolean {
  if (event.kind !== 'refused' || (event.refusal !== 'used' && event.refusal !== 'expired')) return false;
  if (event.automated === true) return true;
  const seconds = event.secondsAfterDelivery;
  return typeof seconds === 'number' && seconds >= 0 && seconds <= scannerWindowSeconds;
}

/** The person opened their link while signed in as a different account. */
export function isOtherAccountRefusal(event: LinkEvent): boolean {
  return event.kind === 'refused' && event.refusal === 'wrong_account';
}

const outcomeKinds = new Set<DeliveryEvent['kind']>(['delivered', 'deferred', 'bounced', 'dropped', 'suppressed', 'complained']);

/** What {@link isNothingSent} reads. `sending` is the backend's sending status where it was read. */
export interface NothingSentFacts {
  user: InvitedUser | null | undefined;
  deliveryEvents: readonly DeliveryEvent[] | undefined;
  sending: SendingStatus | undefined;
  now: number;
  deliveryWindowMs: number;
}

/**
 * Nothing has left for a pending invitation, read from the delivery log: the log has no `sent`
 * at all (where the backend sees its sends: not when an identity provider mails its own), or the
 * latest `sent` has no outcome and either the backend reports a sending problem or the attempt is
 * older than the delivery window while earlier attempts did report outcomes (so this backend does
 * log them: a stalled queue, not a log that never records outcomes).
 */
export function isNothingSent({ user, deliveryEvents: events, sending, now, deliveryWindowMs }: NothingSentFacts): boolean {
  if (!events || user?.status !== 'invited') return false;
  let lastSent = -1;
  for (let index = events.length - 1; index >= 0; index--) {
    if (events[index]?.kind === 'sent') {
      lastSent = index;
      break;
    }
  }
  // Mail an identity provider sent itself never shows up as our `sent`: no log is no finding then.
  if (lastSent === -1) return sending?.sendsLogged !== false;
  for (let index = lastSent + 1; index < events.length; index++) {
    if (outcomeKinds.has((events[index] as DeliveryEvent).kind)) return false;
  }
  if (sending?.problem) return true;
  const sentAt = Date.parse(events[lastSent]?.at ?? '');
  let reportsOutcomes = false;
  for (let index = 0; index < lastSent && !reportsOutcomes; index++) reportsOutcomes = outcomeKinds.has((events[index] as DeliveryEvent).kind);
  return reportsOutcomes && Number.isFinite(sentAt) && now - sentAt > deliveryWindowMs;
}

/** The send at `sentAt` (epoch ms, `null` when unknown) is less than `windowMs` old. */
export function isWithinWindow(sentAt: number | null, now: number, windowMs: number): boolean {
  return sentAt !== null && now - sentAt < windowMs;
}
