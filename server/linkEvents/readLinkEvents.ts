import type { Selectable } from 'kysely';
import type { LinkEvent } from '../../src/engine/InvitationBackend.ts';
import { ok, type Result } from '../../src/engine/Result.ts';
import type { LinkEventsTable } from '../store/Database.ts';
import { canSeeTeam, type Principal } from '../service/Principal.ts';
import { runRead } from '../service/runAction.ts';
import type { ServiceContext } from '../service/ServiceContext.ts';
import { findUserRow } from '../service/userRows.ts';

/**
 * The link events of a normalised address, oldest first. Like the delivery log, a team manager
 * sees them only while the address belongs to someone in their team; otherwise the list is empty.
 */
export function readLinkEvents(context: ServiceContext, principal: Principal, email: string): Promise<Result<LinkEvent[]>> {
  return runRead(context, 'linkEvents', async () => {
    if (principal.role.kind !== 'admin') {
      const owner = await findUserRow(context.db, email);
      if (!owner || !canSeeTeam(principal, owner.team)) return ok([]);
    }
    const rows = await context.db.selectFrom('linkEvents').selectAll().where('email', '=', email).orderBy('at').orderBy('id').execute();
    return ok(rows.map(toLinkEvent));
  });
}

/** The contract's view of a link-event row. */
export function toLinkEvent(row: Selectable<LinkEventsTable>): LinkEvent {
  return {
    at: row.at.toISOString(),
    email: row.email,
    kind: row.kind,
    ...(row.refusal === null ? {} : { refusal: row.refusal }),
    secondsAfterDelivery: row.secondsAfterDelivery,
    automated: row.automated,
  };
}
