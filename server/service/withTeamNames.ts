import type { InvitedUser } from '../../src/engine/InvitationBackend.ts';
import type { ServerBackend } from './ServerBackend.ts';

/**
 * The backend with each user's team named (`InvitedUser.teamName`) where `names` knows the team,
 * so people read "Customer Success", not "a" or an identity provider's organisation id. The ids
 * stay: permissions match on them.
 */
export function withTeamNames(backend: ServerBackend, names: Readonly<Record<string, string>>): ServerBackend {
  if (Object.keys(names).length === 0) return backend;
  const named = (user: InvitedUser): InvitedUser => (names[user.team] && !user.teamName ? { ...user, teamName: names[user.team] } : user);
  return {
    ...backend,
    findUser: async (principal, email) => {
      const found = await backend.findUser(principal, email);
      return found.ok && found.value ? { ok: true, value: named(found.value) } : found;
    },
    inviteUser: async (caller, email, team) => {
      const invited = await backend.inviteUser(caller, email, team);
      return invited.ok ? { ok: true, value: named(invited.value) } : invited;
    },
    listInvitations: async (principal, query) => {
      const page = await backend.listInvitations(principal, query);
      return page.ok ? { ok: true, value: { ...page.value, invitations: page.value.invitations.map(named) } } : page;
    },
  };
}

/** A team manager's role with its team's name, for `GET /v1/me`. */
export function nameRoleTeam<Role extends { kind: string; team?: string | null }>(role: Role, names: Readonly<Record<string, string>>): Role & { teamName?: string } {
  const name = role.team ? names[role.team] : undefined;
  return name ? { ...role, teamName: name } : role;
}
