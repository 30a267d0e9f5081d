import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKeysCommand, spawnServer, type SpawnedServer } from '../support/spawnServer.ts';

// `npm run server` as a person runs it, on a data folder of its own: restarts, SIGKILL, SIGTERM.
describe('the server on its embedded database, as its own process', () => {
  let dataDir: string;
  let key: string;
  const running: SpawnedServer[] = [];
  const start = async () => {
    const server = await spawnServer(['--data', dataDir]);
    running.push(server);
    return server;
  };
  const call = (server: SpawnedServer, path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, ...(init.body ? { 'content-type': 'application/json' } : {}) } });
  const lookup = async (server: SpawnedServer, email: string) => ((await (await call(server, `/v1/users?email=${encodeURIComponent(email)}`)).json()) as { user: { id: string } | null }).user;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'invite-doctor-data-'));
    const created = await runKeysCommand(['create', '--role', 'admin', '--data', dataDir]);
    expect(created.code, created.stderr).toBe(0);
    key = created.stdout.trim().split('\n').at(-1) ?? '';
    expect(key).toMatch(/^idk_/);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop('SIGKILL')));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps invitations, keys and invite links across a restart, and refuses a second process on the folder', async () => {
    const first = await start();
    const ana = await lookup(first, 'ana.invited@example.com');
    expect(ana).toMatchObject({ id: 'usr_ana' });
    const link = (await (await call(first, '/v1/users/usr_ana/invite-link', { method: 'POST' })).json()) as { url: string };
    expect((await call(first, '/v1/invitations', { method: 'POST', body: JSON.stringify({ email: 'kept@example.com' }) })).status).toBe(201);
    expect((await call(first, '/v1/users/usr_ben/cancel', { method: 'POST' })).status).toBe(200);

    const second = await spawnServer(['--data', dataDir]).catch((error: Error) => error);
    expect(second).toBeInstanceOf(Error);
    expect(String(second)).toMatch(/in use by the Invite Doctor server \(pid \d+\)/);
    const keys = await runKeysCommand(['list', '--data', dataDir]);
    expect([keys.code, keys.stderr]).toEqual([2, expect.stringMatching(/in use by/)]);

    expect(await first.stop('SIGTERM')).toBe(0);
    const again = await start();
    expect(await lookup(again, 'kept@example.com')).toMatchObject({ status: 'invited' });
    expect(await lookup(again, 'ben.recent@example.com')).toBeNull();
    // The demo is seeded once: the cancelled person stays cancelled.
    expect(await lookup(again, 'ana.invited@example.com')).toMatchObject({ id: 'usr_ana' });
    const linkAgain = (await (await call(again, '/v1/users/usr_ana/invite-link', { method: 'POST' })).json()) as { url: string };
    // Each run here listens on a new port, which links carry; the token itself must not change.
    const token = (url: string) => url.slice(url.lastIndexOf('/invite/'));
    expect(token(linkAgain.url)).toBe(token(link.url));
    expect(await again.stop('SIGTERM')).toBe(0);
  }, 180_000);

  it('loses no acknowledged write when it is killed with SIGKILL in the middle of a burst', async () => {
    const server = await start();
    const acknowledged: string[] = [];
    let answered = 0;
    const addresses = Array.from({ length: 120 }, (_, index) => `burst${index}@example.com`);
    let next = 0;
    let killed: Promise<number | null> | null = null;
    const worker = async () => {
      while (next < addresses.length) {
        const email = addresses[next++] as string;
        const response = await call(server, '/v1/invitations', { method: 'POST', body: JSON.stringify({ email }) }).catch(() => null);
        if (response?.status === 201) acknowledged.push(email);
        answered += 1;
        if (answered === 30) killed = server.stop('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    await killed;
    expect(acknowledged.length).toBeGreaterThanOrEqual(25);
    expect(acknowledged.length).toBeLessThan(addresses.length);

    const restarted = await start();
    for (const email of acknowledged) {
      const user = await lookup(restarted, email);
      expect(user, email).toMatchObject({ email, status: 'invited' });
    }
    // Consistent: every invitation that exists has its mail, its link and its audit row; no half-done one.
    const listed = (await (await call(restarted, '/v1/invitations?q=burst&limit=200')).json()) as { invitations: { id: string; email: string }[] };
    expect(listed.invitations.length).toBeGreaterThanOrEqual(acknowledged.length);
    // The mail of an invitation is queued with it; one whose attempt the kill interrupted is sent
    // again after the restart (the outbox's lease is released at boot), so its events follow soon.
    const eventsOf = async (email: string) =>
      ((await (await call(restarted, `/v1/delivery-events?email=${email}`)).json()) as { events: { kind: string }[] }).events.map((event) => event.kind);
    for (const { id, email } of listed.invitations) {
      let kinds = await eventsOf(email);
      for (const deadline = Date.now() + 30_000; kinds.length < 2 && Date.now() < deadline; kinds = await eventsOf(email)) await new Promise((resolve) => setTimeout(resolve, 250));
      expect(kinds, email).toEqual(['sent', 'delivered']);
      expect((await call(restarted, `/v1/users/${id}/invite-link`, { method: 'POST' })).status).toBe(200);
      const audit = (await (await call(restarted, `/v1/audit?target=${email}`)).json()) as { entries: { operation: string; result: string }[] };
      expect(audit.entries).toContainEqual(expect.objectContaining({ operation: 'inviteUser', result: 'ok' }));
    }
    expect(await restarted.stop('SIGTERM')).toBe(0);
  }, 180_000);

  it('finishes the requests in flight when it is told to stop with SIGTERM', async () => {
    const server = await start();
    const inFlight = Array.from({ length: 40 }, () => call(server, '/v1/users?email=dan.active@example.com').then((response) => response.status, () => 'refused'));
    await new Promise((done) => setTimeout(done, 20));
    const stopped = server.stop('SIGTERM');
    const statuses = await Promise.all(inFlight);
    expect(await stopped).toBe(0);
    // Each request either completed or was refused cleanly; none was cut off half-answered.
    for (const status of statuses) expect([200, 503, 'refused']).toContain(status);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(0);
  }, 120_000);
});
