import { err, ok, type Result } from '../../src/engine/Result.ts';
import { canSeeTeam } from './Principal.ts';
import { runAction, type ActionCaller } from './runAction.ts';
import type { ServiceContext } from './ServiceContext.ts';
import { findUserRow, noSuchUser } from './userRows.ts';

/** Takes a normalised address off our suppression list. A team manager may do it only for their own team's people. */
export function clearSuppression(context: ServiceContext, caller: ActionCaller, email: string): Promise<Result<{ clearedAt: string }>> {
  return runAction(context, caller, 'clearSuppression', email, async (trx, now) => {
    if (caller.principal.role.kind !== 'admin') {
      const owner = await findUserRow(trx, email);
      if (!owner || !canSeeTeam(caller.principal, owner.team)) return err(noSuchUser);
    }
    await trx.deleteFrom('suppressions').where('email', '=', email).execute();
    return ok({ clearedAt: now.toISOString() });
  });
}
