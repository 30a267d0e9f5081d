import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../../server/auth/apiKeys.ts';
import { createSignInCode } from '../../../server/auth/signInCodes.ts';
import { createInviteDoctorServer, type InviteDoctorServer } from '../../../server/createInviteDoctorServer.ts';
import type { Store } from '../../../server/store/openDatabase.ts';
import { resetDemoOrganisation } from '../../../server/store/seedDemoOrganisation.ts';
import { openTestStore, testEpoch, testLinkOrigin, testSecret } from '../../support/startTestServer.ts';
import { call, uuidPattern, type Answer } from './securityHelpers.ts';

/**
 * One run of requests through a server that logs to memory: sign-in, a new key, a resend, a
 * copied link, an invitation, refusals of every kind. Then every response, every text column of
 * every table, the audit trail and every log line are searched for the secrets the run handled.
 */
let store: Store;
let server: InviteDoctorServer;
let url: string;
const logLines: string[] = [];
const answers: { label: string; answer: Answer }[] = [];
const secrets = { keys: [] as string[], codes: [] as string[], links: [] as string[], tokens: [] as string[] };
const now = testEpoch;

beforeAll(async () => {
  store = await openTestStore();
  server = await createInviteDoctorServer({
    store,
    secret: testSecret,
    publicUrl: testLinkOrigin,
    seedDemo: false,
    clock: () => now,
    logger: { level: 'trace' },
    logStream: { write: (line: string) => void logLines.push(line) },
  });
  await resetDemoOrganisation(store.db, { now: new Date(now), policy: server.service.policy, links: server.service.links });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;

  const admin = await createApiKey(store.db, { role: { kind: 'admin' }, label: 'admin', now: new Date(now) });
  const manager = await createApiKey(store.db, { role: { kind: 'team-manager', team: 'a' }, label: 'manager', now: new Date(now) });
  secrets.keys.push(admin.key, manager.key);
  const code = await createSignInCode(store.db, { kind: 'admin' }, new Date(now));
  secrets.codes.push(code);
  const record = async (label: string, method: string, path: string, options: Parameters<typeof call>[3] = {}) => {
    const answer = await call(url, method, path, options);
    answers.push({ label, answer });
    return answer;
  };

  const signedIn = await record('sign-in', 'POST', '/v1/sign-in', { body: { code } });
  const browserKey = (signedIn.json as { key: string }).key;
  secrets.keys.push(browserKey);
  await record('sign-in again', 'POST', '/v1/sign-in', { body: { code } });
  await record('me', 'GET', '/v1/me', { key: browserKey });
  await record('look up', 'GET', '/v1/users?email=ana.invited%40example.com', { key: admin.key });
  await record('resend', 'POST', '/v1/users/usr_cara/resend', { key: admin.key });
  const link = await record('invite-link', 'POST', '/v1/users/usr_cara/invite-link', { key: admin.key });
  await record('invite-link ana', 'POST', '/v1/users/usr_ana/invite-link', { key: manager.key });
  const invited = await record('invite', 'POST', '/v1/invitations', { key: admin.key, body: { email: 'new.person@example.com' } });
  const newId = (invited.json as { user: { id: string } }).user.id;
  await record('password reset', 'POST', '/v1/users/usr_dan/password-reset', { key: admin.key });
  await record('cancel', 'POST', `/v1/users/${newId}/cancel`, { key: admin.key });
  await record('list', 'GET', '/v1/invitations?limit=200', { key: admin.key });
  await record('delivery', 'GET', '/v1/delivery-events?email=cara.expired%40example.com', { key: admin.key });
  await record('unsuppress', 'POST', '/v1/suppressions/hana.suppressed%40example.com/clear', { key: admin.key });
  await record('no key', 'GET', '/v1/users?email=a%40example.com');
  await record('key in the wrong place', 'GET', `/v1/users?email=a%40example.com&key=${admin.key}`, { headers: { authorization: `Basic ${admin.key}` } });
  await record('unknown route', 'GET', '/v1/keys', { key: admin.key });
  await record('bad json', 'POST', '/v1/invitations', { key: admin.key, body: '{"email":' });
  await record('text', 'POST', '/v1/invitations', { key: admin.key, body: 'x', contentType: 'text/plain' });
  await record('too large', 'POST', '/v1/invitations', { key: admin.key, body: { email: 'x'.repeat(70_000) } });
  await record('bad address', 'POST', '/v1/invitations', { key: admin.key, body: { email: 'a@@b' } });
  await record('cooldown', 'POST', '/v1/users/usr_cara/resend', { key: admin.key });
  await record('audit', 'GET', '/v1/audit?limit=500', { key: admin.key });

  secrets.links.push((link.json as { url: string }).url);
  // Every invite token any user has had, current and retired.
  for (const user of await store.db.selectFrom('users').select(['id', 'linkGeneration']).execute()) {
    for (let generation = 1; generation <= Math.max(1, user.linkGeneration); generation++) secrets.tokens.push(server.service.links.token(user.id, generation));
  }
  secrets.tokens.push(server.service.links.token(newId, 1));
}, 60_000);

afterAll(async () => {
  await server.app.close();
  await store.close();
});

const allSecrets = () => [...secrets.keys, ...secrets.codes, ...secrets.links, ...secrets.tokens];
const found = (text: string, candidates = allSecrets()) => candidates.filter((secret) => text.includes(secret));

describe('secrets', () => {
  it('ran the requests it meant to', () => {
    expect(answers.map(({ label, answer }) => `${label} ${answer.status}`)).toEqual([
      'sign-in 200', 'sign-in again 401', 'me 200', 'look up 200', 'resend 200', 'invite-link 200', 'invite-link ana 200', 'invite 201', 'password reset 200', 'cancel 200', 'list 200', 'delivery 200', 'unsuppress 200',
      'no key 401', 'key in the wrong place 401', 'unknown route 404', 'bad json 400', 'text 415', 'too large 413', 'bad address 400', 'cooldown 429', 'audit 200',
    ]);
    expect(secrets.tokens.length).toBeGreaterThan(10);
  });

  it('puts an invite link in no response but the invite-link ones, and a key only in the sign-in answer', () => {
    for (const { label, answer } of answers) {
      const text = `${answer.text}\n${[...answer.headers.entries()].map(([name, value]) => `${name}: ${value}`).join('\n')}`;
      // The one secret an answer exists to hand out: the link (with its token) or the browser key.
      const own = label.startsWith('invite-link') ? [/\/invite\/([\w-]+)/.exec(answer.text)?.[0] ?? '', /\/invite\/([\w-]+)/.exec(answer.text)?.[1] ?? ''] : label === 'sign-in' ? [(answer.json as { key: string }).key] : [];
      const leaked = found(text).filter((secret) => !own.some((mine) => mine.length > 0 && mine.includes(secret)) && !own.some((mine) => mine.length > 0 && secret.endsWith(mine)));
      expect(leaked, label).toEqual([]);
      if (!label.startsWith('invite-link')) expect(text, label).not.toContain('/invite/');
      expect(answer.headers.get('cache-control'), label).toBe('no-store');
    }
  });

  it('stores no key, sign-in code, invite token or link in clear in any text column of any table', async () => {
    const columns = await sql<{ tableName: string; columnName: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'json', 'jsonb')`.execute(store.db);
    const tables = new Set(columns.rows.map((column) => column.tableName));
    expect(tables).toEqual(new Set(['users', 'invite_tokens', 'delivery_events', 'suppressions', 'api_keys', 'sign_in_codes', 'audit_log', 'rate_buckets', 'server_meta', 'mail_outbox', 'link_events', 'demo_inbox', 'session_events', ...[...tables].filter((table) => table.startsWith('kysely_'))]));
    let values = 0;
    for (const { tableName: table, columnName: column } of columns.rows) {
      // The demo world's recipients' mailboxes: the invitation mail with its link, as a recipient holds it. Filled only by the demo SMTP sink.
      if (table === 'demo_inbox') continue;
      const rows = await sql<{ value: string | null }>`select ${sql.ref(column)}::text as value from ${sql.table(table)}`.execute(store.db);
      for (const { value } of rows.rows) {
        if (value === null) continue;
        values++;
        expect(found(value), `${table}.${column}`).toEqual([]);
      }
    }
    expect(values).toBeGreaterThan(100);
  });

  it('keeps no link, token or key in the audit trail, and audits the refusals with their request ids', async () => {
    const rows = await store.db.selectFrom('auditLog').selectAll().execute();
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows) {
      const text = JSON.stringify(row);
      expect(found(text), text).toEqual([]);
      expect(text).not.toMatch(/https?:\/\/|\/invite\/|idk_/);
      expect(row.requestId).toMatch(uuidPattern);
    }
    const cooldown = answers.find(({ label }) => label === 'cooldown')?.answer;
    expect(rows.some((row) => row.requestId === cooldown?.headers.get('x-request-id') && row.result === 'rate_limited')).toBe(true);
  });

  it('writes no key, code, token or link to the log, and every request line carries its request id', () => {
    expect(logLines.length).toBeGreaterThan(answers.length);
    for (const line of logLines) expect(found(line), line.slice(0, 300)).toEqual([]);
    const parsed = logLines.map((line) => JSON.parse(line) as { reqId?: string; req?: unknown; res?: unknown; msg?: string });
    for (const entry of parsed) {
      if (entry.reqId === undefined) expect(entry.req ?? entry.res, JSON.stringify(entry)).toBeUndefined();
      else expect(entry.reqId).toMatch(uuidPattern);
    }
    for (const { label, answer } of answers) {
      const id = answer.headers.get('x-request-id');
      expect(id, label).toMatch(uuidPattern);
      const own = parsed.filter((entry) => entry.reqId === id);
      expect(own.length, label).toBeGreaterThanOrEqual(2);
    }
  });
});
