import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/auth/apiKeys.ts';
import { createInviteDoctorServer, type InviteDoctorServer } from '../../server/createInviteDoctorServer.ts';
import type { MailTransport } from '../../server/mail/MailTransport.ts';
import { createSmtpMailTransport } from '../../server/mail/smtp/createSmtpMailTransport.ts';
import { createUnconfiguredMailTransport } from '../../server/mail/smtp/createUnconfiguredMailTransport.ts';
import { openDatabase, type Store } from '../../server/store/openDatabase.ts';
import type { DeliveryEvent } from '../../src/engine/InvitationBackend.ts';
import { openTestStore, testSecret } from '../support/startTestServer.ts';
import { closedPort, startScriptedSmtp, type ScriptedSmtp } from '../unit/server/mail/startScriptedSmtp.ts';

// The durable send queue over a real SMTP server: retries, back-off, leases shared by two workers,
// and a restart of the server and its embedded store in the middle of a retry. In the durability
// gate (npm run test:durability) rather than npm test: it opens embedded databases from scratch.
const minute = 60_000;
// The answer may wait long for the first attempt: a busy test machine must not make it look late.
const retry = { baseMs: 5, maxMs: 20, pollMs: 3_600_000, leaseMs: 1_000, firstAttemptWaitMs: 20_000 };
const smtpPassword = 'smtp-pass-never-logged';

interface Harness {
  server: InviteDoctorServer;
  key: string;
  logLines: string[];
  now(): number;
  advance(ms: number): void;
  call(method: 'GET' | 'POST', url: string, body?: object): Promise<{ status: number; json: unknown }>;
  invite(email: string): Promise<string>;
  events(email: string): Promise<DeliveryEvent[]>;
  rows(email: string): Promise<{ messageId: string; state: string; attempts: number }[]>;
  close(closeStore?: boolean): Promise<void>;
}

async function startHarness(store: Store, mail: MailTransport, startAt = Date.parse('2026-03-10T09:00:00.000Z')): Promise<Harness> {
  let now = startAt;
  const logLines: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(chunk.toString());
      callback();
    },
  });
  const server = await createInviteDoctorServer({
    store,
    secret: testSecret,
    publicUrl: 'https://app.example.com',
    seedDemo: false,
    clock: () => now,
    mail,
    mailSettings: { messageIdHost: 'app.example.com', retry, from: 'invitations@app.example.com' },
    logger: { level: 'trace' },
    logStream,
  });
  await server.app.ready();
  const key = (await createApiKey(store.db, { role: { kind: 'admin' }, label: 'test', now: new Date(now) })).key;
  const call: Harness['call'] = async (method, url, body) => {
    const answer = await server.app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(body ? { payload: body } : {}) });
    return { status: answer.statusCode, json: answer.body ? (JSON.parse(answer.body) as unknown) : null };
  };
  return {
    server,
    key,
    logLines,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    call,
    invite: async (email) => {
      const answer = await call('POST', '/v1/invitations', { email });
      expect(answer.status).toBe(201);
      return (answer.json as { user: { id: string } }).user.id;
    },
    events: async (email) => ((await call('GET', `/v1/delivery-events?email=${encodeURIComponent(email)}`)).json as { events: DeliveryEvent[] }).events,
    rows: (email) => store.db.selectFrom('mailOutbox').select(['messageId', 'state', 'attempts']).where('email', '=', email).orderBy('id').execute(),
    close: async (closeStore = false) => {
      await server.app.close();
      if (closeStore) await store.close();
    },
  };
}

const smtpTransport = (port: number, options: { finalHop?: boolean; name?: string } = {}) =>
  createSmtpMailTransport({
    from: { address: 'invitations@app.example.com', name: options.name ?? 'Invite Doctor' },
    bounceAddress: 'bounces@app.example.com',
    messageIdHost: 'app.example.com',
    smtp: { host: '127.0.0.1', port, secure: false, auth: { user: 'me', pass: smtpPassword }, finalHop: options.finalHop ?? true, timeoutMs: 10_000 },
  });
const kinds = (events: DeliveryEvent[]) => events.map((event) => event.kind);

describe('the mail outbox over a real SMTP server', () => {
  let sink: ScriptedSmtp;
  let store: Store;
  let harness: Harness;
  beforeAll(async () => {
    sink = await startScriptedSmtp({ credentials: { user: 'me', pass: smtpPassword } });
    store = await openTestStore();
    harness = await startHarness(store, smtpTransport(sink.port, { name: 'Acme & <Co>' }));
  }, 120_000);
  afterEach(() => {
    sink.rcpt = () => null;
  });
  afterAll(async () => {
    await harness?.close(true);
    await sink?.close();
  });

  it('sends an invitation before the action answers: the events are there at once, the row is sent', async () => {
    await harness.invite('ana@example.com');
    const events = await harness.events('ana@example.com');
    expect(kinds(events)).toEqual(['sent', 'delivered']);
    const [row] = await harness.rows('ana@example.com');
    expect(row).toMatchObject({ state: 'sent', attempts: 1 });
    expect(events[1]).toMatchObject({ source: 'smtp', messageId: row?.messageId, smtpCode: 250 });
    expect(sink.received.filter((mail) => mail.to === 'ana@example.com').map((mail) => mail.messageId)).toEqual([`<${row?.messageId}>`]);
  });

  it('bounces a 550 5.1.1 with the server’s words, fails the row and suppresses the address', async () => {
    sink.rcpt = (address) => (address.startsWith('gus') ? { code: 550, text: `5.1.1 <${address}>: Recipient address rejected: User unknown` } : null);
    await harness.invite('gus@example.com');
    expect((await harness.events('gus@example.com')).at(-1)).toMatchObject({ kind: 'bounced', smtpCode: 550, enhancedCode: '5.1.1', text: '550 5.1.1 <gus@example.com>: Recipient address rejected: User unknown' });
    expect(await harness.rows('gus@example.com')).toEqual([expect.objectContaining({ state: 'failed', attempts: 1 })]);
    expect(await store.db.selectFrom('suppressions').select('reason').where('email', '=', 'gus@example.com').executeTakeFirst()).toEqual({ reason: 'hard_bounce' });
  });

  it('retries a greylisted mail with the same Message-ID: one `deferred`, then one `delivered`', async () => {
    let tries = 0;
    sink.rcpt = () => (++tries === 1 ? { code: 451, text: '4.7.1 Greylisted, please try again later' } : null);
    await harness.invite('grey@example.com');
    expect(kinds(await harness.events('grey@example.com'))).toEqual(['sent', 'deferred']);
    expect(await harness.rows('grey@example.com')).toEqual([expect.objectContaining({ state: 'queued', attempts: 1 })]);
    await harness.server.mailWorker.drain(); // not due yet: the back-off has not passed
    expect(tries).toBe(1);
    harness.advance(retry.baseMs);
    await harness.server.mailWorker.drain();
    const events = await harness.events('grey@example.com');
    expect(kinds(events)).toEqual(['sent', 'deferred', 'delivered']);
    const [row] = await harness.rows('grey@example.com');
    expect(row).toMatchObject({ state: 'sent', attempts: 2 });
    expect(new Set(events.map((event) => event.messageId))).toEqual(new Set([row?.messageId]));
    expect(sink.received.filter((mail) => mail.to === 'grey@example.com').map((mail) => mail.messageId)).toEqual([`<${row?.messageId}>`]);
  });

  it('gives up when the invitation’s window ends, with a final `bounced` naming the attempts', async () => {
    sink.rcpt = () => ({ code: 451, text: '4.7.1 Greylisted, please try again later' });
    await harness.invite('never@example.com');
    harness.advance(7 * 24 * 60 * minute + 2_000);
    await harness.server.mailWorker.drain();
    const last = (await harness.events('never@example.com')).at(-1);
    expect(last).toMatchObject({ kind: 'bounced', source: 'smtp', smtpCode: 451, text: expect.stringMatching(/^Gave up after 1 attempt: .*Greylisted/) });
    expect(await harness.rows('never@example.com')).toEqual([expect.objectContaining({ state: 'failed', attempts: 1 })]);
    // Not suppressed: a 4xx said nothing about the address.
    expect(await store.db.selectFrom('suppressions').select('reason').where('email', '=', 'never@example.com').executeTakeFirst()).toBeUndefined();
  });

  it('marks a queued invitation superseded after a resend and never sends it', async () => {
    sink.rcpt = () => ({ code: 451, text: '4.7.1 Greylisted, please try again later' });
    const id = await harness.invite('resent@example.com');
    harness.advance(16 * minute);
    expect((await harness.call('POST', `/v1/users/${id}/resend`)).status).toBe(200);
    sink.rcpt = () => null;
    harness.advance(retry.maxMs);
    await harness.server.mailWorker.drain();
    const [first, second] = await harness.rows('resent@example.com');
    expect(first).toMatchObject({ state: 'superseded', attempts: 1 });
    expect(second).toMatchObject({ state: 'sent', attempts: 2 });
    expect(sink.received.filter((mail) => mail.to === 'resent@example.com').map((mail) => mail.messageId)).toEqual([`<${second?.messageId}>`]);
  });

  it('writes the mail in the invitee’s language, text and HTML, with the current link and every value escaped', async () => {
    const id = await harness.invite('lena@example.de');
    await store.db.updateTable('users').set({ language: 'de' }).where('id', '=', id).execute();
    harness.advance(16 * minute);
    expect((await harness.call('POST', `/v1/users/${id}/resend`)).status).toBe(200);
    const mail = sink.received.filter((received) => received.to === 'lena@example.de').at(-1);
    const link = harness.server.service.links.url(id, 2);
    expect(mail?.parsed.subject).toBe('Ihr neuer Einladungslink für Acme & <Co>');
    expect(mail?.parsed.text).toContain('Sie wurden zu Acme & <Co> eingeladen.');
    expect(mail?.parsed.text).toContain(`Einladung annehmen: ${link}`);
    expect(mail?.parsed.text).toContain('Frühere Einladungslinks funktionieren nicht mehr.');
    const html = String(mail?.parsed.html);
    expect(html).toContain('<html lang="de" dir="ltr">');
    expect(html).toContain('Acme &amp; &lt;Co&gt;');
    expect(html).not.toContain('<Co>');
    expect(html).toContain(`href="${link}"`);
    expect(mail?.parsed.from?.value).toEqual([{ address: 'invitations@app.example.com', name: 'Acme & <Co>' }]);
  });

  it('says no link, token or SMTP password in any log line', async () => {
    const id = await harness.invite('quiet@example.com');
    harness.advance(16 * minute);
    await harness.call('POST', `/v1/users/${id}/resend`);
    const tokens = [1, 2].map((generation) => harness.server.service.links.token(id, generation));
    const log = harness.logLines.join('');
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [...tokens, smtpPassword, '/invite/']) expect(log).not.toContain(secret);
  });

  it('records connection_refused, keeps the mail queued and sends it once the server is reachable', async () => {
    const unreachable = await startHarness(store, smtpTransport(await closedPort()), harness.now());
    await unreachable.invite('later@example.com');
    expect((await unreachable.events('later@example.com')).map((event) => [event.kind, event.reason])).toEqual([['not_sent', 'connection_refused']]);
    expect(await unreachable.rows('later@example.com')).toEqual([expect.objectContaining({ state: 'queued', attempts: 1 })]);
    await unreachable.close();
    harness.advance(retry.baseMs);
    await harness.server.mailWorker.drain();
    expect(kinds(await harness.events('later@example.com'))).toEqual(['not_sent', 'delivered']);
    expect(await harness.rows('later@example.com')).toEqual([expect.objectContaining({ state: 'sent', attempts: 2 })]);
    // The retry's delivery (no new `sent`) shows mail flows again: the refusal is no current problem.
    expect((await harness.call('GET', '/v1/sending-status')).json).toMatchObject({ problem: null });
  });

  it('records auth_refused and fails the mail (someone must fix the credentials)', async () => {
    sink.credentials = { user: 'me', pass: 'changed' };
    try {
      await harness.invite('auth@example.com');
    } finally {
      sink.credentials = { user: 'me', pass: smtpPassword };
    }
    expect((await harness.events('auth@example.com')).map((event) => [event.kind, event.reason])).toEqual([['not_sent', 'auth_refused']]);
    expect(await harness.rows('auth@example.com')).toEqual([expect.objectContaining({ state: 'failed' })]);
  });

  it('lets two workers over one database drain the same queue without sending any mail twice', async () => {
    const addresses = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6'].map((name) => `${name}@workers.example`);
    sink.rcpt = () => ({ code: 451, text: '4.7.1 Greylisted, please try again later' });
    for (const address of addresses) await harness.invite(address);
    sink.rcpt = () => null;
    harness.advance(retry.maxMs);
    const other = await startHarness(store, smtpTransport(sink.port), harness.now());
    try {
      await Promise.all([harness.server.mailWorker.drain(), other.server.mailWorker.drain()]);
    } finally {
      await other.close();
    }
    for (const address of addresses) {
      const [row] = await harness.rows(address);
      expect(row).toMatchObject({ state: 'sent', attempts: 2 });
      expect(sink.received.filter((mail) => mail.to === address).map((mail) => mail.messageId)).toEqual([`<${row?.messageId}>`]);
    }
  });

  it('reports the SMTP server by host and port in the sending status, never its credentials', async () => {
    const status = (await harness.call('GET', '/v1/sending-status')).json;
    expect(status).toMatchObject({ configured: true, provider: `SMTP (127.0.0.1:${sink.port})`, from: 'invitations@app.example.com' });
    expect(JSON.stringify(status)).not.toContain(smtpPassword);
  });

  it('without any mail set up, stores `not_sent` mail_not_configured, fails the mail and says so in the sending status', async () => {
    const unconfigured = await startHarness(store, createUnconfiguredMailTransport(), harness.now());
    try {
      await unconfigured.invite('nomail@example.com');
      expect((await unconfigured.events('nomail@example.com')).map((event) => [event.kind, event.reason])).toEqual([['not_sent', 'mail_not_configured']]);
      expect(await unconfigured.rows('nomail@example.com')).toEqual([expect.objectContaining({ state: 'failed', attempts: 1 })]);
      expect((await unconfigured.call('GET', '/v1/sending-status')).json).toMatchObject({ configured: false, problem: 'mail_not_configured' });
    } finally {
      await unconfigured.close();
    }
  });

  it('retries our provider’s rate limit after the wait the reply suggests', async () => {
    let tries = 0;
    sink.rcpt = () => (++tries === 1 ? { code: 454, text: '4.7.0 Sending quota reached, try again in 30 seconds' } : null);
    await harness.invite('busy@example.com');
    expect((await harness.events('busy@example.com')).map((event) => [event.kind, event.reason])).toEqual([['not_sent', 'provider_rate_limited']]);
    harness.advance(29_000);
    await harness.server.mailWorker.drain();
    expect(tries).toBe(1);
    harness.advance(1_000);
    await harness.server.mailWorker.drain();
    expect(kinds(await harness.events('busy@example.com'))).toEqual(['not_sent', 'delivered']);
  });
});


describe('the mail outbox across a restart', () => {
  let dataDir: string;
  let sink: ScriptedSmtp;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'invite-doctor-outbox-'));
    sink = await startScriptedSmtp({ credentials: { user: 'me', pass: smtpPassword } });
  });
  afterAll(async () => {
    await sink?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('retries a deferred mail after the server and its store restart, exactly once', async () => {
    sink.rcpt = () => ({ code: 451, text: '4.7.1 Greylisted, please try again later' });
    const start = Date.parse('2026-03-10T09:00:00.000Z');
    const first = await startHarness(await openDatabase({ kind: 'embedded', dataDir }), smtpTransport(sink.port), start);
    await first.invite('restart@example.com');
    const [queued] = await first.rows('restart@example.com');
    expect(queued).toMatchObject({ state: 'queued', attempts: 1 });
    await first.close(true);

    sink.rcpt = () => null;
    const second = await startHarness(await openDatabase({ kind: 'embedded', dataDir }), smtpTransport(sink.port), start + retry.baseMs);
    try {
      await second.server.mailWorker.drain();
      await second.server.mailWorker.drain();
      expect(kinds(await second.events('restart@example.com'))).toEqual(['sent', 'deferred', 'delivered']);
      expect(await second.rows('restart@example.com')).toEqual([expect.objectContaining({ messageId: queued?.messageId, state: 'sent', attempts: 2 })]);
      expect(sink.received.filter((mail) => mail.to === 'restart@example.com').map((mail) => mail.messageId)).toEqual([`<${queued?.messageId}>`]);
    } finally {
      await second.close(true);
    }
  }, 120_000);
});
