import type { DeliveryEvent, InvitationEvidence, LinkEvent } from '../../engine/InvitationBackend.ts';
import { ok, type Result } from '../../engine/Result.ts';
import { parseEvidenceAddresses } from '../parseEvidenceAddresses.ts';
import type { MemoryBackendState } from './MemoryBackendState.ts';
import { canActOnTeam, type Role } from './Role.ts';

/**
 * The contract's `invitationEvidence` over memory state: for each distinct address asked, in that
 * order, the same delivery and link events `deliveryEvents` and `linkEvents` answer for it, oldest
 * first. Where those refuse (the address belongs to a team the caller does not manage) the lists
 * are empty, as the contract asks. One pass over each log, however many addresses are asked.
 */
export function memoryInvitationEvidence(state: MemoryBackendState, emails: readonly string[], role: Role): Result<InvitationEvidence[]> {
  const parsed = parseEvidenceAddresses(emails);
  if (!parsed.ok) return parsed;
  const hidden = new Set<string>();
  if (role.kind !== 'admin') {
    for (const record of state.users.values()) if (!canActOnTeam(role, record.user.team)) hidden.add(record.user.email);
  }
  const delivery = new Map<string, DeliveryEvent[]>();
  const links = new Map<string, LinkEvent[]>();
  for (const address of parsed.value) {
    if (hidden.has(address)) continue;
    delivery.set(address, []);
    links.set(address, []);
  }
  for (const event of state.events) delivery.get(event.email)?.push({ ...event });
  for (const event of state.linkEvents) links.get(event.email)?.push({ ...event });
  const oldestFirst = <T extends { at: string }>(events: T[] | undefined) => (events ?? []).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return ok(parsed.value.map((email) => ({ email, deliveryEvents: oldestFirst(delivery.get(email)), linkEvents: oldestFirst(links.get(email)) })));
}
