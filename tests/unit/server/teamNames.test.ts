import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config/loadConfig.ts';
import { openTestStore, startTestServer, type TestServer } from '../../support/startTestServer.ts';

describe('team names on the server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ store: await openTestStore(), teamNames: { a: 'Customer Success' } });
  });
  afterAll(async () => server?.close());
  const get = async (path: string, key: string) => (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${key}` } })).json();

  it('gives a user their team’s name beside its id, where the team has one', async () => {
    expect((await get('/v1/users?email=ana.invited@example.com', server.keys.admin)).user).toMatchObject({ team: 'a', teamName: 'Customer Success' });
    const mo = (await get('/v1/users?email=mo.teamb@example.com', server.keys.admin)).user;
    expect(mo.team).toBe('b');
    expect(mo).not.toHaveProperty('teamName');
    const page = await get('/v1/invitations?limit=200', server.keys.managerA);
    expect(page.invitations.length).toBeGreaterThan(0);
    expect(page.invitations.every((user: { teamName?: string }) => user.teamName === 'Customer Success')).toBe(true);
  });

  it('names a team manager’s team in GET /v1/me', async () => {
    expect(await get('/v1/me', server.keys.managerA)).toMatchObject({ role: { kind: 'team-manager', team: 'a', teamName: 'Customer Success' } });
    expect((await get('/v1/me', server.keys.managerB)).role).toEqual({ kind: 'team-manager', team: 'b' });
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
