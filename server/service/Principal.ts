import type { Role } from '../../src/adapters/index.ts';

/** Who is calling: the API key's id (null for the server itself, e.g. the keys command) and its role. */
export interface Principal {
  keyId: string | null;
  role: Role;
}

/** The server acting on its own behalf (seeding, the keys command): an admin without a key. */
export const serverPrincipal: Principal = { keyId: null, role: { kind: 'admin' } };

/** True when `principal` may see and act on users of `team`. */
export function canSeeTeam(principal: Principal, team: string): boolean {
  return principal.role.kind === 'admin' || principal.role.team === team;
}
