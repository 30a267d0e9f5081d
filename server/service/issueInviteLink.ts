import type { Transaction } from 'kysely';
import type { Database } from '../store/Database.ts';
import type { ServiceContext } from './ServiceContext.ts';

/**
 * Makes link number `generation` the user's current one: every earlier link of theirs is marked
 * expired (it now says "this invitation was replaced") and only the new token's hash is stored.
 * Returns the new link, for the mail.
 */
export async function issueInviteLink(context: ServiceContext, trx: Transaction<Database>, userId: string, generation: number, now: Date): Promise<string> {
  await retireInviteLinks(trx, userId);
  const token = context.links.token(userId, generation);
  await trx.insertInto('inviteTokens').values({ tokenHash: context.links.hash(token), userId, state: 'current', createdAt: now }).execute();
  return context.links.url(userId, generation);
}

/** Every current link of the user stops working (a resend, a cancel). */
export async function retireInviteLinks(trx: Transaction<Database>, userId: string): Promise<void> {
  await trx.updateTable('inviteTokens').set({ state: 'expired' }).where('userId', '=', userId).where('state', '=', 'current').execute();
}
