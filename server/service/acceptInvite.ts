import type { LinkRefusal } from '../../src/engine/InvitationBackend.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { LinkRequest } from '../linkEvents/isAutomatedRequest.ts';
import { recordLinkEvent } from '../linkEvents/recordLinkEvent.ts';
import { inspectInviteLink, type InviteLinkState } from './inspectInviteLink.ts';
import type { ServiceContext } from './ServiceContext.ts';
import type { UserRow } from './userRows.ts';

/** What a POST of an invite link did: `accepted`, or the state that refused it. */
export type AcceptOutcome = { kind: 'accepted'; user: UserRow } | Exclude<InviteLinkState, { kind: 'open' }>;

const refusalOf: Record<'used' | 'expired' | 'replaced' | 'withdrawn', LinkRefusal> = { used: 'used', expired: 'expired', replaced: 'revoked', withdrawn: 'revoked' };

/**
 * The invitee accepts with their link (a POST: only a deliberate press of the page's button).
 * The user's current, unexpired link makes them active (accepted now; setup still to do), spends
 * the token and clears the expiry, in one transaction with its link event and audit row; any
 * other link is refused and the refusal recorded. A HEAD or GET never comes here.
 */
export async function acceptInvite(context: ServiceContext, token: string, request: LinkRequest, requestId: string): Promise<AcceptOutcome> {
  const now = new Date(context.clock());
  return context.db.transaction().execute(async (trx) => {
    const state = await inspectInviteLink(trx, context.links, token, now, true);
    if (state.kind !== 'open') {
      if (state.kind !== 'invalid' && state.kind !== 'withdrawn') {
        await recordLinkEvent(trx, { email: state.user.email, userId: state.user.id, kind: 'refused', refusal: refusalOf[state.kind], request, at: now });
      }
      return state;
    }
    const { user } = state;
    await trx.updateTable('inviteTokens').set({ state: 'used' }).where('tokenHash', '=', context.links.hash(token)).execute();
    const accepted = await trx
      .updateTable('users')
      .set({ status: 'active', acceptedAt: now, expiresAt: null, setupCompleted: false })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordLinkEvent(trx, { email: user.email, userId: user.id, kind: 'accepted', request, at: now });
    // The invitee has no key: the audit row names no principal; the operation says who acted.
    await recordAudit(trx, { at: now, requestId, principal: null, operation: 'acceptInvite', target: user.id, result: 'ok' });
    return { kind: 'accepted', user: accepted };
  });
}
