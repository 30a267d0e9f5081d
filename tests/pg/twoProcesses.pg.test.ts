import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoSeed } from '../../src/adapters/index.ts';
import { defaultPolicy } from '../../src/engine/Policy.ts';
import { runKeysCommand, spawnServer, type SpawnedServer } from '../support/spawnServer.ts';
import { createDatabase } from '../support/startPostgres.ts';

// Two `npm run server` processes over one PostgreSQL: the scale-out path. Nothing that one process
// needs from the other lives in its memory, so limits and single-use tokens hold across both.
describe('two server processes on one PostgreSQL', () => {
  const env: NodeJS.ProcessEnv = { SEED_DEMO: '1', INVITE_DOCTOR_SECRET: randomBytes(32).toString('base64') };
  const servers: SpawnedServer[] = [];
  let key = '';

  beforeAll(async () => {
    env.DATABASE_URL = await createDatabase(inject('postgresUrl'), 'two_processes');
    // Both start at once: migrations and the demo seed must each happen exactly once.
    servers.push(...(await Promise.all([spawnServer([], env), spawnServer([], env)])));
    const created = await runKeysCommand(['create', '--role', 'admin'], env);
    expect(created.code, created.stderr).toBe(0);
    key = created.stdout.trim().split('\n').at(-1) ?? '';
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop('SIGTERM')));
  });

  const call = (server: SpawnedServer, path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${key}` } });

  it('seeds the demo organisation once, though both processes started together', async () => {
    const [first, second] = servers as [SpawnedServer, SpawnedServer];
    const page = (await (await call(first, '/v1/invitations?limit=200')).json()) as { invitations: unknown[] };
    // Every seeded person once: the seed grows with the demo, so count it rather than a number.
    expect(page.invitations).toHaveLength(demoSeed(Date.now(), defaultPolicy).users.length);
    expect((await call(second, '/v1/users?email=ana.invited@example.com')).status).toBe(200);
  });

  it('sends exactly one of 200 concurrent resends of one person spread over both, and answers the rest 429 with Retry-After', async () => {
    const before = (await (await call(servers[0] as SpawnedServer, '/v1/delivery-events?email=ana.invited@example.com')).json()) as { events: unknown[] };
    const responses = await Promise.all(Array.from({ length: 200 }, (_, index) => call(servers[index % 2] as SpawnedServer, '/v1/users/usr_ana/resend', { method: 'POST' })));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 429)).toHaveLength(199);
    for (const response of responses.filter((candidate) => candidate.status === 429)) {
      const seconds = Number(response.headers.get('retry-after'));
      expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= 15 * 60).toBe(true);
    }
    const after = (await (await call(servers[1] as SpawnedServer, '/v1/delivery-events?email=ana.invited@example.com')).json()) as { events: { kind: string }[] };
    expect(after.events.length - before.events.length).toBe(2);
    expect(after.events.slice(-2).map((event) => event.kind)).toEqual(['sent', 'delivered']);
  }, 120_000);

  it('invites one new address once when both processes are asked at the same time', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        fetch(`${(servers[index % 2] as SpawnedServer).url}/v1/invitations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'raced@example.com' }),
        }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status !== 201).every((status) => status === 409 || status === 429)).toBe(true);
  }, 60_000);

  it('signs in with a one-time link once, whichever process is asked', async () => {
    const { createSignInCode } = await import('../../server/auth/signInCodes.ts');
    const { openDatabase } = await import('../../server/store/openDatabase.ts');
    const store = await openDatabase({ kind: 'postgres', url: env.DATABASE_URL as string });
    const code = await createSignInCode(store.db, { kind: 'admin' }, new Date());
    await store.close();
    const responses = await Promise.all(
      servers.flatMap((server) =>
        Array.from({ length: 5 }, () => fetch(`${server.url}/v1/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })),
      ),
    );
    expect(responses.map((response) => response.status).filter((status) => status === 200)).toHaveLength(1);
  }, 60_000);
});
