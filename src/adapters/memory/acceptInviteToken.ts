import type { InvitedUser, LinkEvent } from '../../engine/InvitationBackend.ts';
import { err, ok, type Result } from '../../engine/Result.ts';
import type { InviteTokenError } from './MemoryBackend.ts';
import type { MemoryBackendState } from './MemoryBackendState.ts';

/**
 * The invitee opens their link at `now`: a live token is spent once and activates the user.
 * Every opening of a known link is recorded as link events, as the server's invite page records
 * them: `opened`, then `accepted` or `refused` (used, expired, or revoked by a resend or a
 * cancel), with the seconds since the latest delivery of a mail to that address. The demo's
 * invitee is a person, so the events are never `automated`. An unknown token records nothing:
 * there is no address to file it under.
 */
export function acceptInviteToken(state: MemoryBackendState, token: string, now: number): Result<InvitedUser, InviteTokenError> {
  const spent = state.spentTokens.get(token);
  if (spent) {
    recordLinkEvents(state, spent.email, now, { kind: 'refused', refusal: spent.refusal });
    return err({ kind: spent.refusal === 'used' ? 'used' : 'expired' });
  }
  const record = [...state.users.values()].find((candidate) => candidate.token === token);
  if (!record) return err({ kind: 'invalid' });
  if (record.user.expiresAt && Date.parse(record.user.expiresAt) <= now) {
    recordLinkEvents(state, record.user.email, now, { kind: 'refused', refusal: 'expired' });
    return err({ kind: 'expired' });
  }
  state.spentTokens.set(token, { email: record.user.email, refusal: 'used' });
  record.token = null;
  Object.assign(record.user, {
    status: 'active',
    acceptedAt: new Date(now).toISOString(),
    expiresAt: null,
    setupCompleted: false,
  } satisfies Partial<InvitedUser>);
  recordLinkEvents(state, record.user.email, now, { kind: 'accepted' });
  return ok({ ...record.user });
}

/** `opened`, then what came of it, both at `now`. */
function recordLinkEvents(state: MemoryBackendState, email: string, now: number, outcome: Pick<LinkEvent, 'kind' | 'refusal'>): void {
  const at = new Date(now).toISOString();
  const secondsAfterDelivery = secondsSinceDelivery(state, email, now);
  state.linkEvents.push({ at, email, kind: 'opened', secondsAfterDelivery, automated: false });
  state.linkEvents.push({ at, email, ...outcome, secondsAfterDelivery, automated: false });
}

/** Whole seconds since the latest `delivered` event of the address up to `now`, or `null` when none is known. */
function secondsSinceDelivery(state: MemoryBackendState, email: string, now: number): number | null {
  const delivered = state.events
    .filter((event) => event.email === email && event.kind === 'delivered')
    .map((event) => Date.parse(event.at))
    .filter((at) => Number.isFinite(at) && at <= now);
  return delivered.length > 0 ? Math.floor((now - Math.max(...delivered)) / 1000) : null;
}
