import type { Selectable } from 'kysely';
import type { DeliveryEvent, InvitedUser } from '../../src/engine/InvitationBackend.ts';
import { ok, type Result } from '../../src/engine/Result.ts';
import type { DeliveryEventsTable } from '../store/Database.ts';
import { canSeeTeam, type Principal } from './Principal.ts';
import { runRead } from './runAction.ts';
import type { ServiceContext } from './ServiceContext.ts';
import { findUserRow, toInvitedUser } from './userRows.ts';

/** The user with this normalised address; `null` when there is none or the caller may not see them. */
export function findUser(context: ServiceContext, principal: Principal, email: string): Promise<Result<InvitedUser | null>> {
  return runRead(context, 'findUser', async () => {
    const row = await findUserRow(context.db, email);
    return ok(row && canSeeTeam(principal, row.team) ? toInvitedUser(row) : null);
  });
}

/**
 * The delivery log of a normalised address, oldest first. A team manager sees it only while the
 * address belongs to someone in their team; otherwise the log is empty, as for a never-mailed address.
 */
export function deliveryEvents(context: ServiceContext, principal: Principal, email: string): Promise<Result<DeliveryEvent[]>> {
  return runRead(context, 'deliveryEvents', async () => {
    if (principal.role.kind !== 'admin') {
      const owner = await findUserRow(context.db, email);
      if (!owner || !canSeeTeam(principal, owner.team)) return ok([]);
    }
    const rows = await context.db.selectFrom('deliveryEvents').selectAll().where('email', '=', email).orderBy('at').orderBy('id').execute();
    return ok(rows.map(toDeliveryEvent));
  });
}

/** The contract's view of a delivery-log row. */
export function toDeliveryEvent(row: Selectable<DeliveryEventsTable>): DeliveryEvent {
  return {
    at: row.at.toISOString(),
    email: row.email,
    kind: row.kind,
    ...(row.smtpCode === null ? {} : { smtpCode: row.smtpCode }),
    ...(row.enhancedCode === null ? {} : { enhancedCode: row.enhancedCode }),
    ...(row.text === null ? {} : { text: row.text }),
    ...(row.reason === null ? {} : { reason: row.reason }),
    ...(row.source === null ? {} : { source: row.source }),
    ...(row.messageId === null ? {} : { messageId: row.messageId }),
  };
}
