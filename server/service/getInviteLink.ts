import type { InviteLink } from '../../src/engine/InvitationBackend.ts';
import { err, ok, type Result } from '../../src/engine/Result.ts';
import { runAction, type ActionCaller } from './runAction.ts';
import type { ServiceContext } from './ServiceContext.ts';
import { lockPendingInvite } from './userRows.ts';

/** The current invite link, derived again from the secret (it is never stored). Audited: it hands out a secret. */
export function getInviteLink(context: ServiceContext, caller: ActionCaller, userId: string): Promise<Result<InviteLink>> {
  return runAction(context, caller, 'getInviteLink', userId, async (trx) => {
    const found = await lockPendingInvite(trx, caller.principal, userId, 'copy an invite link');
    if (!found.ok) return found;
    const { id, linkGeneration, expiresAt } = found.value;
    if (linkGeneration === 0 || !expiresAt) return err({ kind: 'not_found', message: 'This user has no invite link yet.' });
    return ok({ url: context.links.url(id, linkGeneration), expiresAt: expiresAt.toISOString(), singleUse: true });
  });
}
