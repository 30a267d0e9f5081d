import type { FlowGuard, GuardArgs } from '../engine/index.ts';
import { lastSentAt } from '../engine/index.ts';
import { checkAddress } from '../diagnostics/index.ts';
import { isInvitationExpired, isSetupUnfinished, isWithinWindow } from './invitationPredicates.ts';

/**
 * Named guards the invitation flows branch on. Each reads facts the backend reported, the policy
 * and the time; none asks the person anything. Adding one here makes it usable from flow files.
 */
export const invitationGuards: Record<string, FlowGuard> = {
  hasEmail: ({ context }) => Boolean(context.email),
  isUserFound: ({ context }) => Boolean(context.facts.user),
  isUserNotFound: ({ context }) => context.facts.user === null,
  isUserInvited: ({ context }) => context.facts.user?.status === 'invited',
  isUserActive: ({ context }) => context.facts.user?.status === 'active',
  isUserDeactivated: ({ context }) => context.facts.user?.status === 'deactivated',
  isSsoUser: ({ context }) => context.facts.user?.sso === true,
  isSsoEnabled: ({ policy }) => policy.ssoEnabled,
  /** Accepted the invite but left before finishing setup: a password reset finishes it, a re-invite cannot. */
  isSetupIncomplete: ({ context }) => isSetupUnfinished(context.facts.user),
  isInviteExpired: ({ context, now }) => isInvitationExpired(context.facts.user, now),
  /**
   * Only one invitation email ever went out (no resend): there is no older link to mix up, so a
   * flow need not ask the person to compare links. Uses the delivery log when it was read.
   */
  isOnlyInviteSent: ({ context }) => {
    const user = context.facts.user;
    if (!user?.invitedAt || !user.lastSentAt || user.invitedAt !== user.lastSentAt) return false;
    const events = context.facts.deliveryEvents;
    return !events || events.filter((event) => event.kind === 'sent').length <= 1;
  },
  hasAddressSuggestion: ({ context }) => addressSuggestion(context.email) !== null,
  hasDeliveryAction: ({ context }, params) => context.facts.delivery?.action === params?.action,
  hasDeliveryCategory: ({ context }, params) => context.facts.delivery?.category === params?.category,
  isWithinDeliveryWindow: (args) => isWithin(args, args.policy.deliveryWindowMs),
  isWithinCooldown: (args) => isWithin(args, args.policy.resendCooldownMs),
};

function isWithin({ context, now }: GuardArgs, windowMs: number): boolean {
  return isWithinWindow(lastSentAt(context), now, windowMs);
}

/**
 * The corrected address diagnostics suggest for a likely typo, or `null`: `checkAddress`'s
 * suggestion, which depends on the domain alone (the local part is kept as typed), so the
 * suggested domain is remembered per typed domain: the invite-health page asks for thousands of
 * addresses at a few hundred domains.
 */
export function addressSuggestion(email: string | null): string | null {
  if (!email) return null;
  const address = email.trim();
  const at = address.indexOf('@');
  // No `@` or more than one: checkAddress suggests nothing.
  if (at < 0 || address.includes('@', at + 1)) return null;
  const domain = address.slice(at + 1);
  let suggested = suggestedDomains.get(domain);
  if (suggested === undefined) {
    if (suggestedDomains.size >= maxRememberedDomains) suggestedDomains.clear();
    suggested = checkAddress(`x@${domain}`).suggestion?.slice(2) ?? null;
    suggestedDomains.set(domain, suggested);
  }
  return suggested === null ? null : `${address.slice(0, at)}@${suggested}`;
}

const maxRememberedDomains = 10_000;
const suggestedDomains = new Map<string, string | null>();
