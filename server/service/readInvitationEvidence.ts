import type { DeliveryEvent, InvitationEvidence, LinkEvent } from '../../src/engine/InvitationBackend.ts';
import { ok, type Result } from '../../src/engine/Result.ts';
import { toLinkEvent } from '../linkEvents/readLinkEvents.ts';
import type { Principal } from './Principal.ts';
import { toDeliveryEvent } from './readUsers.ts';
import { runRead } from './runAction.ts';
import type { ServiceContext } from './ServiceContext.ts';

/**
 * The evidence of 1–200 distinct normalised addresses from the own tables, in the order given: the
 * same events `deliveryEvents` and `readLinkEvents` answer per address, in one query per table
 * (`email IN (…)` ordered by email, time and id, which the `(email, at, id)` indexes serve), plus
 * for a team manager one query for which of the addresses belong to their team; the others get
 * empty lists, as they get from the per-address reads.
 */
export function readInvitationEvidence(context: ServiceContext, principal: Principal, emails: readonly string[]): Promise<Result<InvitationEvidence[]>> {
  return runRead(context, 'invitationEvidence', async () => {
    const visible = principal.role.kind === 'admin' ? [...emails] : await teamAddresses(context, principal.role.team, emails);
    const delivery = new Map<string, DeliveryEvent[]>(visible.map((email) => [email, []]));
    const links = new Map<string, LinkEvent[]>(visible.map((email) => [email, []]));
    if (visible.length > 0) {
      const deliveryRows = await context.db.selectFrom('deliveryEvents').selectAll().where('email', 'in', visible).orderBy('email').orderBy('at').orderBy('id').execute();
      for (const row of deliveryRows) delivery.get(row.email)?.push(toDeliveryEvent(row));
      const linkRows = await context.db.selectFrom('linkEvents').selectAll().where('email', 'in', visible).orderBy('email').orderBy('at').orderBy('id').execute();
      for (const row of linkRows) links.get(row.email)?.push(toLinkEvent(row));
    }
    return ok(emails.map((email) => ({ email, deliveryEvents: delivery.get(email) ?? [], linkEvents: links.get(email) ?? [] })));
  });
}

/** Which of `emails` belong to someone in `team`: one query. */
async function teamAddresses(context: ServiceContext, team: string, emails: readonly string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const rows = await context.db.selectFrom('users').select('email').where('team', '=', team).where('email', 'in', [...emails]).execute();
  const owned = new Set(rows.map((row) => row.email));
  return emails.filter((email) => owned.has(email));
}
