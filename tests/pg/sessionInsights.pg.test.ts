import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../support/startPostgres.ts';
import { openTestStore, startTestServer, type TestServer } from '../support/startTestServer.ts';

let server: TestServer;
beforeAll(async () => {
  const url = await createDatabase(inject('postgresUrl'), `session_events_${process.pid}`);
  server = await startTestServer({ store: await openTestStore({ postgresUrl: url }) });
});
afterAll(async () => server.close({ closeStore: true }));

describe('session events on PostgreSQL (migration m0004)', () => {
  it('stores events and summarises them per team as on the embedded database', async () => {
    const at = new Date(server.now() - 60 * 60_000).toISOString();
    const events = [
      { sessionId: 'pg-1', flowId: 'invite-not-received', kind: 'started', at, stepId: 'askEmail', mode: 'admin' },
      { sessionId: 'pg-1', flowId: 'invite-not-received', kind: 'ended', at, result: 'escalated', mode: 'admin' },
      { sessionId: 'pg-2', flowId: 'invite-not-received', kind: 'started', at, stepId: 'askEmail', mode: 'agent' },
    ];
    const post = await fetch(`${server.url}/v1/session-events`, { method: 'POST', headers: { authorization: `Bearer ${server.keys.managerA}`, 'content-type': 'application/json' }, body: JSON.stringify({ events }) });
    expect(post.status).toBe(202);
    const read = async (key: string) => (await (await fetch(`${server.url}/v1/session-insights?days=1`, { headers: { authorization: `Bearer ${key}` } })).json()) as { sessions: Record<string, number>; dropOffSteps: unknown[] };
    expect((await read(server.keys.managerA)).sessions).toMatchObject({ total: 2, escalated: 1, abandoned: 1 });
    expect((await read(server.keys.managerA)).dropOffSteps).toEqual([{ flowId: 'invite-not-received', stepId: 'askEmail', count: 1 }]);
    expect((await read(server.keys.managerB)).sessions.total).toBe(0);
    expect((await read(server.keys.admin)).sessions.total).toBe(2);
  });
});
