import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config/loadConfig.ts';
import type { ServerBackend } from '../../../server/service/ServerBackend.ts';
import { nameRoleTeam, withTeamNames } from '../../../server/service/withTeamNames.ts';
import type { InvitedUser } from '../../../src/engine/InvitationBackend.ts';
import { serverPrincipal } from '../../../server/service/Principal.ts';

const user = (email: string, team: string): InvitedUser => ({
  id: `usr_${email}`,
  email,
  status: 'invited',
  invitedAt: null,
  lastSentAt: null,
  expiresAt: null,
  acceptedAt: null,
  setupCompleted: false,
  sso: false,
  team,
});

/** Only the reads and the invite withTeamNames touches; the rest is never called here. */
const backend = {
  findUser: async (_principal, email) => ({ ok: true, value: email === 'nobody@example.com' ? null : user(email, email.startsWith('mo') ? 'b' : 'a') }),
  inviteUser: async (_caller, email, team) => ({ ok: true, value: user(email, team ?? 'a') }),
  listInvitations: async () => ({ ok: true, value: { invitations: [user('ana@example.com', 'a'), user('mo@example.com', 'b')], nextCursor: null } }),
} as Partial<ServerBackend> as ServerBackend;

describe('team names on the server (the end-to-end run signs in as "manager of team Customer Success")', () => {
  it('gives users their team’s name beside its id where the team has one, and leaves the rest as they are', async () => {
    const named = withTeamNames(backend, { a: 'Customer Success' });
    const ana = await named.findUser(serverPrincipal, 'ana@example.com');
    expect(ana.ok && ana.value).toMatchObject({ team: 'a', teamName: 'Customer Success' });
    const mo = await named.findUser(serverPrincipal, 'mo@example.com');
    expect(mo.ok && mo.value).toEqual(user('mo@example.com', 'b'));
    expect(await named.findUser(serverPrincipal, 'nobody@example.com')).toEqual({ ok: true, value: null });
    const invited = await named.inviteUser({ principal: serverPrincipal, requestId: 'r' } as never, 'new@example.com', 'a');
    expect(invited.ok && invited.value.teamName).toBe('Customer Success');
    const page = await named.listInvitations(serverPrincipal, {} as never);
    expect(page.ok && page.value.invitations.map((row) => row.teamName ?? row.team)).toEqual(['Customer Success', 'b']);
    expect(withTeamNames(backend, {})).toBe(backend);
  });

  it('names a team manager’s team for GET /v1/me and sign-in, and an admin has none', () => {
    expect(nameRoleTeam({ kind: 'team-manager', team: 'a' }, { a: 'Customer Success' })).toEqual({ kind: 'team-manager', team: 'a', teamName: 'Customer Success' });
    expect(nameRoleTeam({ kind: 'team-manager', team: 'b' }, { a: 'Customer Success' })).toEqual({ kind: 'team-manager', team: 'b' });
    expect(nameRoleTeam({ kind: 'admin' }, { a: 'Customer Success' })).toEqual({ kind: 'admin' });
  });

  it('reads TEAM_NAMES as a JSON object, and refuses anything else by name', () => {
    expect(loadConfig([], { TEAM_NAMES: '{"a":"Customer Success","org_2x":"Field Sales"}' }).teamNames).toEqual({ a: 'Customer Success', org_2x: 'Field Sales' });
    expect(loadConfig([], {}).teamNames).toEqual({});
    for (const bad of ['a=Support', '["Support"]', '{"a":""}', '{"a b":"Support"}']) {
      expect(() => loadConfig([], { TEAM_NAMES: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig([], { TEAM_NAMES: bad }), bad).toThrow(/teamNames/);
    }
  });
});
