import { beforeEach, describe, expect, it } from 'vitest';
import { withFileTestServer } from '../../support/withFileTestServer.ts';
import { call, errorOf, type Answer } from './securityHelpers.ts';

// A team-a manager must not tell a team-b person (Mo) from someone nobody invited.
const teamB = { id: 'usr_mo', email: 'mo.teamb@example.com' };
const nobody = { id: 'usr_nobody0000', email: 'nobody.at.all@example.com' };

const file = withFileTestServer({ resetEachTest: true });
beforeEach(async () => {
  // Mo is on our suppression list too, so clearing it would change something if it were allowed.
  await file.store.db.insertInto('suppressions').values({ email: teamB.email, reason: 'bounced', createdAt: new Date(file.server.now()) }).onConflict((conflict) => conflict.column('email').doNothing()).execute();
});

const asManagerA = (method: string, path: string, body?: unknown) => call(file.server.url, method, path, { key: file.server.keys.managerA, ...(body === undefined ? {} : { body }) });

/** Status, body and the headers that could differ, minus the request id. */
function visible(answer: Answer) {
  return { status: answer.status, body: answer.text, retryAfter: answer.headers.get('retry-after'), contentType: answer.headers.get('content-type') };
}

describe('no enumeration across teams', () => {
  it('answers a lookup of a team-b address exactly as one of an address nobody invited', async () => {
    const other = await asManagerA('GET', `/v1/users?email=${encodeURIComponent(teamB.email)}`);
    const unknown = await asManagerA('GET', `/v1/users?email=${encodeURIComponent(nobody.email)}`);
    expect(visible(other)).toEqual(visible(unknown));
    expect(other.json).toEqual({ user: null });
  });

  it.each(['resend', 'invite-link', 'password-reset', 'cancel'])('answers %s on a team-b user exactly as on an id nobody has', async (action) => {
    const other = await asManagerA('POST', `/v1/users/${teamB.id}/${action}`);
    const unknown = await asManagerA('POST', `/v1/users/${nobody.id}/${action}`);
    expect(visible(other)).toEqual(visible(unknown));
    expect(other.status).toBe(404);
    expect(other.text).not.toContain('team');
    // And nothing happened to Mo.
    const mo = await call(file.server.url, 'GET', `/v1/users?email=${encodeURIComponent(teamB.email)}`, { key: file.server.keys.admin });
    expect((mo.json as { user: { status: string } | null }).user?.status).toBe('invited');
  });

  it('answers the delivery events of a team-b address exactly as of an address never mailed', async () => {
    const other = await asManagerA('GET', `/v1/delivery-events?email=${encodeURIComponent(teamB.email)}`);
    const unknown = await asManagerA('GET', `/v1/delivery-events?email=${encodeURIComponent(nobody.email)}`);
    expect(visible(other)).toEqual(visible(unknown));
    expect(other.json).toEqual({ events: [] });
    const asAdmin = await call(file.server.url, 'GET', `/v1/delivery-events?email=${encodeURIComponent(teamB.email)}`, { key: file.server.keys.admin });
    expect((asAdmin.json as { events: unknown[] }).events.length).toBeGreaterThan(0);
  });

  it('answers clearing the suppression of a team-b address exactly as of an unknown address, and clears nothing', async () => {
    const other = await asManagerA('POST', `/v1/suppressions/${encodeURIComponent(teamB.email)}/clear`);
    const unknown = await asManagerA('POST', `/v1/suppressions/${encodeURIComponent(nobody.email)}/clear`);
    expect(visible(other)).toEqual(visible(unknown));
    expect(other.status).toBe(404);
    const still = await file.store.db.selectFrom('suppressions').select('email').where('email', '=', teamB.email).executeTakeFirst();
    expect(still?.email).toBe(teamB.email);
  });

  it('answers inviting an address of team b exactly as inviting one of team a', async () => {
    const inOtherTeam = await asManagerA('POST', '/v1/invitations', { email: teamB.email });
    const inOwnTeam = await asManagerA('POST', '/v1/invitations', { email: 'ana.invited@example.com' });
    expect(visible(inOtherTeam)).toEqual(visible(inOwnTeam));
    expect(inOtherTeam.status).toBe(409);
    // Spelled differently, still the same answer.
    expect(visible(await asManagerA('POST', '/v1/invitations', { email: 'MO.TEAMB@Example.com' }))).toEqual(visible(inOwnTeam));
  });

  it('lists and searches only the own team', async () => {
    const listed = await asManagerA('GET', '/v1/invitations?q=mo&limit=200');
    expect(listed.status).toBe(200);
    expect(listed.text).not.toContain(teamB.email);
    const all = await asManagerA('GET', '/v1/invitations?limit=200');
    expect((all.json as { invitations: { team: string }[] }).invitations.every((user) => user.team === 'a')).toBe(true);
  });

  it('refuses a manager inviting into another team with 403', async () => {
    const answer = await asManagerA('POST', '/v1/invitations', { email: 'new.person@example.com', team: 'b' });
    expect(answer.status).toBe(403);
    expect(errorOf(answer).kind).toBe('not_permitted');
  });

  it('answers GET /v1/audit 403 for a team manager, 200 for an admin', async () => {
    const answer = await asManagerA('GET', '/v1/audit');
    expect(answer.status).toBe(403);
    expect(errorOf(answer).kind).toBe('not_permitted');
    expect(answer.text).not.toContain('entries');
    expect((await call(file.server.url, 'GET', '/v1/audit', { key: file.server.keys.admin })).status).toBe(200);
  });
});
