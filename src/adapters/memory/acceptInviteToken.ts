import type { InvitedUser } from '../../engine/InvitationBackend.ts';
import { err, ok, type Result } from '../../engine/Result.ts';
import type { InviteTokenError } from './MemoryBackend.ts';
import type { MemoryBackendState } from './MemoryBackendState.ts';

/** The invitee opens their link at `now`: a live token is spent once and activates the user. */
export function acceptInviteToken(state: MemoryBackendState, token: string, now: number): Result<InvitedUser, InviteTokenError> {
  const spent = state.spentTokens.get(token);
  if (spent) return err({ kind: spent });
  const record = [...state.users.values()].find((candidate) => candidate.token === token);
  if (!record) return err({ kind: 'invalid' });
  if (record.user.expiresAt && Date.parse(record.user.expiresAt) <= now) return err({ kind: 'expired' });
  state.spentTokens.set(token, 'used');
  record.token = null;
  Object.assign(record.user, {
    status: 'active',
    acceptedAt: new Date(now).toISOString(),
    expiresAt: null,
    setupCompleted: false,
  } satisfies Partial<InvitedUser>);
  return ok({ ...record.user });
}
