import type { Kysely } from 'kysely';
import type { LinkRefusal } from '../../src/engine/InvitationBackend.ts';
import type { Database } from '../store/Database.ts';
import { isAutomatedRequest, type LinkRequest } from './isAutomatedRequest.ts';

/** Longest user agent kept: enough to recognise a scanner, not a place to store whatever a client sends. */
export const maxStoredUserAgent = 256;

export interface LinkEventRecord {
  email: string;
  userId: string | null;
  kind: 'opened' | 'accepted' | 'refused';
  refusal?: LinkRefusal;
  request: LinkRequest;
  at: Date;
}

/**
 * Stores one GET or POST of an invite link, with the seconds since the address's latest delivery
 * (else its latest send; null when neither is known) and whether it looked automated. Never the token.
 * Runs in the caller's transaction when given one, so an acceptance and its event commit together.
 */
export async function recordLinkEvent(db: Kysely<Database>, record: LinkEventRecord): Promise<void> {
  const secondsAfterDelivery = await secondsSinceDelivery(db, record.email, record.at);
  await db
    .insertInto('linkEvents')
    .values({
      email: record.email,
      userId: record.userId,
      at: record.at,
      kind: record.kind,
      refusal: record.refusal ?? null,
      secondsAfterDelivery,
      userAgent: record.request.userAgent ? record.request.userAgent.slice(0, maxStoredUserAgent) : null,
      automated: isAutomatedRequest(record.request, secondsAfterDelivery),
    })
    .execute();
}

async function secondsSinceDelivery(db: Kysely<Database>, email: string, at: Date): Promise<number | null> {
  const latest = async (kinds: ('delivered' | 'sent')[]) =>
    (await db.selectFrom('deliveryEvents').select('at').where('email', '=', email).where('kind', 'in', kinds).where('at', '<=', at).orderBy('at', 'desc').limit(1).executeTakeFirst())?.at;
  const reference = (await latest(['delivered'])) ?? (await latest(['sent']));
  return reference ? Math.max(0, Math.round((at.getTime() - reference.getTime()) / 1000)) : null;
}
