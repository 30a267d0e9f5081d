import type { DeliveryFinding } from '../engine/SessionContext.ts';
import type { InvitedUser } from '../engine/InvitationBackend.ts';

/**
 * Why one invitation stands where it does, as {@link diagnoseInvitation} concludes it from the
 * backend's facts alone. The wizard's automatic checks and the invite-health page both read it, so
 * one person gets the same verdict in both places.
 *
 * - `accepted`: in, and set up; nothing to do.
 * - `setup_unfinished`: accepted the invitation but never finished setting up (a reset finishes it).
 * - `deactivated`: the account was switched off; an invitation cannot help.
 * - `sso`: signs in through single sign-on; no invitation email is needed to get in.
 * - `not_sent`: the mail never left our side (see `delivery.reason`).
 * - `suppressed`: the provider drops mail to the address (an earlier hard bounce or complaint).
 * - `blocked_by_filter`: the recipient's domain refused it by policy (spam or security filter).
 * - `bounced`: refused for another lasting reason (no such mailbox, no such domain, …; `delivery.category`).
 * - `deferred`: the receiving server asked us to try later; still being retried.
 * - `scanner_used_link`: a mail scanner opened the link and spent it before the person could.
 * - `wrong_account`: the person opened the link while signed in as someone else.
 * - `expired`: the invite link ran out before it was used.
 * - `in_flight`: sent within the delivery window; no report yet, nothing to worry about.
 * - `delivered_not_accepted`: delivered (or sent with no report) and waiting on the person for `days` days.
 * - `not_found`: nobody with this address (the wizard's lookup found none).
 */
export type InvitationCause =
  | 'accepted'
  | 'setup_unfinished'
  | 'deactivated'
  | 'sso'
  | 'not_sent'
  | 'suppressed'
  | 'blocked_by_filter'
  | 'bounced'
  | 'deferred'
  | 'scanner_used_link'
  | 'wrong_account'
  | 'expired'
  | 'in_flight'
  | 'delivered_not_accepted'
  | 'not_found';

/** The group action that fixes this cause for many people at once, where there is one. */
export type InvitationRemedy = 'resend' | 'cancel' | 'itTicket' | 'fixTypo' | 'passwordReset' | 'unsuppress' | 'fixSending';

export interface InvitationVerdict {
  cause: InvitationCause;
  /** False where nobody need act (`accepted`, `in_flight`, `sso`); the page lists these apart. */
  needsAction: boolean;
  /** When the situation began (the send, the bounce, the expiry), ISO-8601; `null` when unknown. */
  since: string | null;
  /** Whole days from `since` to `now`; `null` when `since` is unknown. */
  days: number | null;
  /** The latest delivery problem as diagnostics classifies it; `null` when there is none. */
  delivery: DeliveryFinding | null;
  /** A corrected address when this one looks like a typo (`gmial.com` → `gmail.com`), else `null`. */
  suggestion: string | null;
  /** What fixes it, or `null` when nothing we can do from here would (deactivated, accepted). */
  remedy: InvitationRemedy | null;
}

/** One row of the invite-health page: the person, their domain, what the backend said, the verdict. */
export interface DiagnosedInvitation {
  user: InvitedUser;
  /** The address's domain, normalised (lower case, ASCII). */
  domain: string;
  verdict: InvitationVerdict;
}
