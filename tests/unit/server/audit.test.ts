import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withFileTestServer } from '../../support/withFileTestServer.ts';

interface AuditPage {
  entries: { id: string; at: string; requestId: string; keyId: string | null; role: string | null; team: string | null; operation: string; target: string | null; result: string }[];
  nextCursor: string | null;
}

describe('the audit trail', () => {
  const file = withFileTestServer();
  const call = (path: string, key: string, init: RequestInit = {}) => fetch(`${file.server.url}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, ...(init.body ? { 'content-type': 'application/json' } : {}) } });
  const audit = async (query: string) => (await (await call(`/v1/audit${query}`, file.server.keys.admin)).json()) as AuditPage;


  it('records every action with its key, role, operation, target, result and request id', async () => {
    const response = await call('/v1/users/usr_ana/resend', file.server.keys.managerA, { method: 'POST' });
    expect(response.status).toBe(200);
    const [entry] = (await audit('?target=usr_ana')).entries;
    expect(entry).toMatchObject({ operation: 'resendInvite', target: 'usr_ana', result: 'ok', role: 'team-manager', team: 'a', requestId: response.headers.get('x-request-id') });
    expect(entry?.keyId).toMatch(/^key_/);
    expect(Date.parse(entry?.at ?? '')).toBe(file.server.now());
  });

  it('records refusals too, with the error kind as the result', async () => {
    await call('/v1/users/usr_ana/resend', file.server.keys.admin, { method: 'POST' });
    await call('/v1/users/usr_mo/cancel', file.server.keys.managerA, { method: 'POST' });
    expect((await audit('?target=usr_ana')).entries[0]).toMatchObject({ operation: 'resendInvite', result: 'rate_limited', role: 'admin' });
    expect((await audit('?target=usr_mo')).entries[0]).toMatchObject({ operation: 'cancelInvite', result: 'not_found', team: 'a' });
  });

  it('never holds a link, a token or a key', async () => {
    const link = (await (await call('/v1/users/usr_lee/invite-link', file.server.keys.admin, { method: 'POST' })).json()) as { url: string };
    const token = link.url.slice(link.url.lastIndexOf('/') + 1);
    const everything = JSON.stringify(await audit('?limit=500'));
    expect(everything).toContain('getInviteLink');
    for (const secret of [token, link.url, file.server.keys.admin, file.server.keys.managerA]) expect(everything).not.toContain(secret);
  });

  it('filters by time and pages newest first without repeating a row', async () => {
    file.server.advance(60_000);
    const from = new Date(file.server.now()).toISOString();
    for (const email of ['one@example.com', 'two@example.com', 'three@example.com']) {
      file.server.advance(1_000);
      expect((await call('/v1/invitations', file.server.keys.admin, { method: 'POST', body: JSON.stringify({ email }) })).status).toBe(201);
    }
    const first = await audit(`?since=${from}&limit=2`);
    expect(first.entries.map((entry) => entry.target)).toEqual(['three@example.com', 'two@example.com']);
    const second = await audit(`?since=${from}&limit=2&cursor=${first.nextCursor}`);
    expect(second.entries.map((entry) => entry.target)).toEqual(['one@example.com']);
    expect(second.nextCursor).toBeNull();
    const until = new Date(file.server.now() - 500).toISOString();
    expect((await audit(`?since=${from}&until=${until}`)).entries.map((entry) => entry.target)).toEqual(['two@example.com', 'one@example.com']);
  });

  it('answers a bad filter with a 400 that names it, and a manager with 403', async () => {
    for (const query of ['?since=yesterday', '?limit=0', '?cursor=abc', `?since=${new Date(file.server.now()).toISOString()}&until=2000-01-01T00:00:00Z`]) {
      const response = await call(`/v1/audit${query}`, file.server.keys.admin);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { kind: string; message: string } }).error).toMatchObject({ kind: 'invalid_request', message: expect.stringMatching(/since|limit|cursor|until/) });
    }
    expect((await call('/v1/audit', file.server.keys.managerA)).status).toBe(403);
  });

  it('writes the audit row in the same transaction as the change: a failed audit write undoes the action', async () => {
    // Existing rows are left alone (not valid); every new cancel's audit row is refused.
    await sql`alter table audit_log add constraint refuse_cancel_for_test check (operation <> 'cancelInvite') not valid`.execute(file.store.db);
    try {
      const response = await call('/v1/users/usr_cara/cancel', file.server.keys.admin, { method: 'POST' });
      expect(response.status).toBe(503);
      const found = (await (await call('/v1/users?email=cara.expired@example.com', file.server.keys.admin)).json()) as { user: unknown };
      expect(found.user).toMatchObject({ id: 'usr_cara', status: 'invited' });
    } finally {
      await file.store.db.schema.alterTable('audit_log').dropConstraint('refuse_cancel_for_test').execute();
    }
  });
});
