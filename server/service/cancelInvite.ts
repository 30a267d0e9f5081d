import type { CancelledInvite } from '../../src/engine/InvitationBackend.ts';
import { ok, type Result } from '../../src/engine/Result.ts';
import { retireInviteLinks } from './issueInviteLink.ts';
import { runAction, type ActionCaller } from './runAction.ts';
import type { ServiceContext } from './ServiceContext.ts';
import { lockPendingInvite } from './userRows.ts';

/** Withdraws a pending invitation: the link stops working and the address is free to invite again. */
export function cancelInvite(context: ServiceContext, caller: ActionCaller, userId: string): Promise<Result<CancelledInvite>> {
  return runAction(context, caller, 'cancelInvite', userId, async (trx, now) => {
    const found = await lockPendingInvite(trx, caller.principal, userId, 'cancel the invitation');
    if (!found.ok) return found;
    await retireInviteLinks(trx, userId);
    await trx.deleteFrom('users').where('id', '=', userId).execute();
    return ok({ cancelledAt: now.toISOString() });
  });
}
