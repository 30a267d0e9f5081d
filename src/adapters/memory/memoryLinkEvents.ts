import type { BackendError } from '../../engine/BackendError.ts';
import type { LinkEvent } from '../../engine/InvitationBackend.ts';
import { err, ok, type Result } from '../../engine/Result.ts';
import { addressKey } from './addressKey.ts';
import { eventsByAddress } from './eventsByAddress.ts';
import type { MemoryBackendState } from './MemoryBackendState.ts';
import { canActOnTeam, type Role } from './Role.ts';

/**
 * The link events of one address, oldest first, as the contract's `linkEvents` answers them: an
 * address nobody has is an empty list, an address in a team the caller does not manage is refused
 * like its delivery log is.
 */
export function memoryLinkEvents(state: MemoryBackendState, email: string, role: Role): Result<LinkEvent[]> {
  const address = addressKey(email);
  for (const record of state.users.values()) {
    if (record.user.email === address && !canActOnTeam(role, record.user.team)) return err(outsideTeam(record.user.teamName ?? record.user.team));
  }
  return ok(eventsByAddress(state.linkEvents, address));
}

function outsideTeam(team: string): BackendError {
  return { kind: 'not_permitted', message: `This user belongs to team "${team}", which you do not manage.` };
}
