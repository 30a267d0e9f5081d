import type { Transaction } from 'kysely';
import { recordAudit } from '../audit/recordAudit.ts';
import { takePendingMail } from '../mail/outbox/pendingMail.ts';
import type { Database } from '../store/Database.ts';
import { hitRateLimit } from './hitRateLimit.ts';
import { inspectInviteLink, type InviteLinkState } from './inspectInviteLink.ts';
import { reissueInvitation } from './resendInvite.ts';
import type { ServiceContext } from './ServiceContext.ts';
import type { UserRow } from './userRows.ts';

/**
 * What the invitee's "send me a fresh invitation" did: `sent` (to the invited address only; the
 * page never shows a link), `rate_limited` with the wait, or the link's state when it is not one
 * a fresh invitation follows from (still open, used, withdrawn, invalid).
 */
export type FreshInviteOutcome =
  | { kind: 'sent'; user: UserRow }
  | { kind: 'rate_limited'; retryAfterMs: number }
  | Exclude<InviteLinkState, { kind: 'expired' | 'replaced' }>;

/**
 * The invitee, holding an expired or replaced link, asks for a fresh invitation. It goes the way
 * of an admin's resend (`reissueInvitation`: a new link generation, older links retired, the mail
 * to the user's own address) and under the same cooldown per user; on top, each client address
 * may ask only `limits.freshInvitesPerClientPerHour` times an hour, counted before the link is
 * even looked up. Audited as `requestFreshInvite` with no principal: the invitee has no key.
 */
export async function requestFreshInvite(context: ServiceContext, token: string, clientAddress: string, requestId: string): Promise<FreshInviteOutcome> {
  const now = new Date(context.clock());
  const limited = await hitRateLimit(context.db, `fresh-invite:${clientAddress}`, context.limits.freshInvitesPerClientPerHour, 3_600_000, now);
  const audit = (target: string | null, result: string) => ({ at: now, requestId, principal: null, operation: 'requestFreshInvite', target, result });
  if (limited?.kind === 'rate_limited') {
    await recordAudit(context.db, audit(null, 'rate_limited'));
    return { kind: 'rate_limited', retryAfterMs: limited.retryAfterMs };
  }
  let committed: Transaction<Database> | null = null;
  const outcome = await context.db.transaction().execute(async (trx): Promise<FreshInviteOutcome> => {
    const state = await inspectInviteLink(trx, context.links, token, now, true);
    if (state.kind !== 'expired' && state.kind !== 'replaced') return state;
    const { user } = state;
    if (user.status !== 'invited') return { kind: 'used', user };
    const left = user.lastSentAt ? user.lastSentAt.getTime() + context.policy.resendCooldownMs - now.getTime() : 0;
    if (left > 0) {
      await recordAudit(trx, audit(user.id, 'rate_limited'));
      return { kind: 'rate_limited', retryAfterMs: left };
    }
    await reissueInvitation(context, trx, user, now);
    await recordAudit(trx, audit(user.id, 'ok'));
    committed = trx;
    return { kind: 'sent', user };
  });
  // As after an admin's resend (see runAction): the first attempt follows the commit at once.
  if (committed) await context.mailWorker?.sendNow(takePendingMail(committed));
  return outcome;
}
