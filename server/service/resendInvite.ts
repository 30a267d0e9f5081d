import type { Transaction } from 'kysely';
import type { SentInvite } from '../../src/engine/InvitationBackend.ts';
import { err, ok, type Result } from '../../src/engine/Result.ts';
import type { Database } from '../store/Database.ts';
import { issueInviteLink } from './issueInviteLink.ts';
import { runAction, type ActionCaller } from './runAction.ts';
import { sendMail } from './sendMail.ts';
import type { ServiceContext } from './ServiceContext.ts';
import { lockPendingInvite, type UserRow } from './userRows.ts';

/**
 * Sends the invitation again with a fresh link and expiry; the old link stops working. The user's
 * row is locked first, so concurrent resends (from any number of server processes) queue behind
 * each other and every one after the first meets the cooldown.
 */
export function resendInvite(context: ServiceContext, caller: ActionCaller, userId: string): Promise<Result<SentInvite>> {
  return runAction(context, caller, 'resendInvite', userId, async (trx, now) => {
    const found = await lockPendingInvite(trx, caller.principal, userId, 'resend the invitation');
    if (!found.ok) return found;
    const user = found.value;
    const left = user.lastSentAt ? user.lastSentAt.getTime() + context.policy.resendCooldownMs - now.getTime() : 0;
    if (left > 0) return err({ kind: 'rate_limited', retryAfterMs: left, message: 'An invitation was sent recently; wait before resending.' });
    return ok(await reissueInvitation(context, trx, user, now));
  });
}

/**
 * The core of a resend, shared with the invitee's own request for a fresh invitation: the next
 * link generation with a fresh expiry, every older link retired, and the invitation mailed to the
 * user's address. The caller has locked the row and checked the cooldown.
 */
export async function reissueInvitation(context: ServiceContext, trx: Transaction<Database>, user: UserRow, now: Date): Promise<SentInvite> {
  const generation = user.linkGeneration + 1;
  const expiresAt = new Date(now.getTime() + context.policy.inviteExpiryMs);
  await trx.updateTable('users').set({ lastSentAt: now, expiresAt, linkGeneration: generation }).where('id', '=', user.id).execute();
  const link = await issueInviteLink(context, trx, user.id, generation, now);
  // A deliberate resend forces a fresh attempt past our suppression list.
  await sendMail(context, trx, { to: user.email, purpose: 'invitation', link }, now, { force: true });
  return { sentAt: now.toISOString(), expiresAt: expiresAt.toISOString() };
}
