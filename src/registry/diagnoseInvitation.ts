import type { DeliveryEvent, DeliveryFinding, InvitedUser, LinkEvent, Policy, SendingStatus } from '../engine/index.ts';
import { notSentCategory } from '../engine/index.ts';
import type { InvitationCause, InvitationRemedy, InvitationVerdict } from './InvitationVerdict.ts';
import { latestDeliveryProblem } from './invitationActions.ts';
import { addressSuggestion } from './invitationGuards.ts';
import { isInvitationExpired, isNothingSent, isOtherAccountRefusal, isScannerRefusal, isSetupUnfinished, isWithinWindow } from './invitationPredicates.ts';

/** What the backend reported about one address: its delivery log and link events, oldest first. */
export interface InvitationEvidenceFacts {
  deliveryEvents: readonly DeliveryEvent[];
  linkEvents: readonly LinkEvent[];
  /**
   * False when the backend keeps no delivery log (no `deliveryLog` capability): an empty list is
   * then "not known", never "nothing left", as the wizard skips its log steps. @default true
   */
  deliveryLogRead?: boolean;
  /** The backend's sending status (one answer for every address), where it was read. */
  sending?: SendingStatus;
}

/**
 * A pending invitation delivered (or sent) this many whole days ago without being accepted is
 * worth a resend: by then most people who will accept have, and a reminder is cheap.
 */
export const resendAfterDays = 3;
/**
 * An invitation expired, or waiting unaccepted, for this many whole days is stale: the person is
 * unlikely to want it any more, so the page offers to cancel it rather than to mail them again.
 */
export const staleAfterDays = 30;

const dayMs = 86_400_000;
const quiet: ReadonlySet<InvitationCause> = new Set(['accepted', 'in_flight', 'sso']);

/**
 * Why one invitation stands where it does, from the backend's facts alone, in the order the
 * invite-not-received flow's automatic checks take (see flows/invite-not-received.json):
 * nobody → deactivated → single sign-on → setup unfinished → active → expired → the delivery log
 * (nothing left, then the latest problem by its diagnostics action) → the link events the
 * invite-link-expired flow reads (a scanner, another account) → the delivery window. Every
 * decision the flows also make comes from the same predicate (invitationPredicates.ts,
 * {@link latestDeliveryProblem}, {@link addressSuggestion}), so the wizard and the page agree.
 *
 * Pure and synchronous; fast enough for 10,000 rows (one `Date.parse` per time it needs, no
 * regex of its own). The sending status (`evidence.sending`, one answer for the whole backend) is
 * read as the wizard's `loadSendingStatus` step reads it: not configured, or a known problem with
 * a send that got no outcome, is "not sent"; without it a log with no `sent` still reads so.
 */
export function diagnoseInvitation(user: InvitedUser | null, evidence: InvitationEvidenceFacts, policy: Policy, now: number): InvitationVerdict {
  if (user === null) return verdict('not_found', null, now, null, null, null);
  if (user.status === 'deactivated') return verdict('deactivated', null, now, null, null, null);
  if (user.sso) return verdict('sso', user.lastSentAt ?? user.invitedAt, now, null, null, null);
  if (isSetupUnfinished(user)) return verdict('setup_unfinished', user.acceptedAt, now, null, null, 'passwordReset');
  if (user.status === 'active') return verdict('accepted', user.acceptedAt, now, activeDeliveryProblem(evidence), null, null);
  const suggestion = addressSuggestion(user.email);
  if (isInvitationExpired(user, now)) {
    const days = wholeDays(user.expiresAt, now);
    return verdict('expired', user.expiresAt, now, null, suggestion, suggestion ? 'fixTypo' : ageRemedy(days, 0), days);
  }

  const logRead = evidence.deliveryLogRead !== false;
  const delivery = logRead ? latestDeliveryProblem(evidence.deliveryEvents) : null;
  if (delivery?.category === notSentCategory) return verdict('not_sent', delivery.at, now, delivery, suggestion, 'fixSending');
  const sentAt = user.lastSentAt ?? user.invitedAt;
  const deliveryEvents = logRead ? evidence.deliveryEvents : undefined;
  if (
    evidence.sending?.configured === false ||
    isNothingSent({ user, deliveryEvents, sending: evidence.sending, now, deliveryWindowMs: policy.deliveryWindowMs })
  ) {
    return verdict('not_sent', sentAt, now, delivery, suggestion, 'fixSending');
  }
  const problem = delivery ? deliveryCause(delivery, suggestion) : null;
  if (problem && delivery) return verdict(problem.cause, delivery.at, now, delivery, suggestion, problem.remedy);

  const scanned = lastMatching(evidence.linkEvents, isScannerRefusal);
  if (scanned) return verdict('scanner_used_link', scanned.at, now, delivery, suggestion, 'resend');
  const otherAccount = lastMatching(evidence.linkEvents, isOtherAccountRefusal);
  if (otherAccount) return verdict('wrong_account', otherAccount.at, now, delivery, suggestion, null);

  const parsed = sentAt === null ? Number.NaN : Date.parse(sentAt);
  const sent = Number.isFinite(parsed) ? parsed : null;
  const days = sent === null ? null : daysSince(sent, now);
  if (isWithinWindow(sent, now, policy.deliveryWindowMs)) {
    return verdict('in_flight', sentAt, now, delivery, suggestion, suggestion ? 'fixTypo' : null, days);
  }
  return verdict('delivered_not_accepted', sentAt, now, delivery, suggestion, suggestion ? 'fixTypo' : ageRemedy(days, resendAfterDays), days);
}

/**
 * The cause and remedy for a classified delivery problem, by its diagnostics action, as the
 * flow's `routeByDelivery` branches. `null` where the flow goes on as if delivered (`not-a-bounce`).
 */
function deliveryCause(delivery: DeliveryFinding, suggestion: string | null): { cause: InvitationCause; remedy: InvitationRemedy | null } | null {
  if (delivery.category === 'bad-domain' || delivery.action === 'fix-address') {
    // The address is wrong: the typo fix where we can guess it, else cancel (and invite the right one).
    return { cause: 'bounced', remedy: suggestion ? 'fixTypo' : 'cancel' };
  }
  switch (delivery.action) {
    case 'resend-suppressed':
      return { cause: 'suppressed', remedy: 'unsuppress' };
    case 'allow-list-sender':
      return { cause: 'blocked_by_filter', remedy: 'itTicket' };
    case 'wait-full-mailbox':
      return { cause: 'bounced', remedy: 'resend' };
    case 'wait-and-retry':
      return { cause: 'deferred', remedy: null };
    case 'fix-sending-setup':
      // It left but came back because of how we send (SPF/DKIM/DMARC …): our side to fix.
      return { cause: 'bounced', remedy: 'fixSending' };
    case 'unknown':
      return { cause: 'bounced', remedy: null };
    default:
      return null;
  }
}

/** For an active user the wizard still reads the log: a bounce to a wrong address is worth showing. */
function activeDeliveryProblem(evidence: InvitationEvidenceFacts): DeliveryFinding | null {
  return evidence.deliveryLogRead === false || evidence.deliveryEvents.length === 0 ? null : latestDeliveryProblem(evidence.deliveryEvents);
}

/** `cancel` once stale, `resend` from `resendFromDays` whole days, else nothing yet. */
function ageRemedy(days: number | null, resendFromDays: number): InvitationRemedy | null {
  if (days === null) return resendFromDays === 0 ? 'resend' : null;
  if (days >= staleAfterDays) return 'cancel';
  return days >= resendFromDays ? 'resend' : null;
}

function lastMatching(events: readonly LinkEvent[], test: (event: LinkEvent) => boolean): LinkEvent | undefined {
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index] as LinkEvent;
    if (test(event)) return event;
  }
  return undefined;
}

function wholeDays(since: string | null, now: number): number | null {
  if (since === null) return null;
  const at = Date.parse(since);
  return Number.isFinite(at) ? daysSince(at, now) : null;
}

function daysSince(at: number, now: number): number {
  return Math.max(0, Math.floor((now - at) / dayMs));
}

function verdict(
  cause: InvitationCause,
  since: string | null,
  now: number,
  delivery: DeliveryFinding | null,
  suggestion: string | null,
  remedy: InvitationRemedy | null,
  /** The whole days since `since` where the caller already counted them (saves parsing it again). */
  known?: number | null,
): InvitationVerdict {
  const days = known === undefined ? wholeDays(since, now) : known;
  return { cause, needsAction: !quiet.has(cause), since: days === null ? null : since, days, delivery, suggestion, remedy };
}
