import type { SentPasswordReset } from '../../src/engine/InvitationBackend.ts';
import { err, ok, type Result } from '../../src/engine/Result.ts';
import { runAction, type ActionCaller } from './runAction.ts';
import { sendMail } from './sendMail.ts';
import type { ServiceContext } from './ServiceContext.ts';
import { deactivatedUser, lockVisibleUser } from './userRows.ts';

/** Sends a password-reset mail to an active user, at most once per cooldown. */
export function sendPasswordReset(context: ServiceContext, caller: ActionCaller, userId: string): Promise<Result<SentPasswordReset>> {
  return runAction(context, caller, 'sendPasswordReset', userId, async (trx, now) => {
    const found = await lockVisibleUser(trx, caller.principal, userId);
    if (!found.ok) return found;
    const user = found.value;
    if (user.status === 'deactivated') return err(deactivatedUser);
    if (user.status === 'invited') return err({ kind: 'conflict', message: 'The invitation was never accepted; resend it instead.' });
    if (user.sso) return err({ kind: 'conflict', message: 'This user signs in with single sign-on and has no password.' });
    const left = user.lastResetAt ? user.lastResetAt.getTime() + context.limits.passwordResetCooldownMs - now.getTime() : 0;
    if (left > 0) return err({ kind: 'rate_limited', retryAfterMs: left, message: 'A password reset was sent recently; wait before sending another.' });
    await trx.updateTable('users').set({ lastResetAt: now }).where('id', '=', user.id).execute();
    // The reset page itself comes with real mail (the mail issue); the demo transport needs no link.
    await sendMail(context, trx, { to: user.email, purpose: 'password_reset', link: null }, now);
    return ok({ sentAt: now.toISOString(), expiresAt: new Date(now.getTime() + context.policy.resetLinkExpiryMs).toISOString() });
  });
}
