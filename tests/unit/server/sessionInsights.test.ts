import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionAnalyticsEvent } from '../../../src/engine/index.ts';
import { createOtlpSessionEventExport } from '../../../server/insights/createOtlpSessionEventExport.ts';
import { openTestStore, startTestServer, type TestServer } from '../../support/startTestServer.ts';
import { call, errorOf } from './securityHelpers.ts';

interface OtlpRequest {
  path: string;
  contentType: string | undefined;
  authorization: string | undefined;
  body: { resourceLogs: Array<{ resource: { attributes: OtlpAttribute[] }; scopeLogs: Array<{ logRecords: Array<{ body: { stringValue?: string }; eventName?: string; attributes: OtlpAttribute[] }> }> }> };
}
type OtlpAttribute = { key: string; value: { stringValue?: string; boolValue?: boolean } };

/** A real OTLP/HTTP logs receiver on a loopback port: keeps every request's parsed JSON. */
async function startOtlpReceiver(): Promise<{ url: string; requests: OtlpRequest[]; close(): Promise<void> }> {
  const requests: OtlpRequest[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ path: request.url ?? '', contentType: request.headers['content-type'], authorization: request.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpRequest['body'] });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const postsPerMinute = 4;
let server: TestServer;
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let closed = false;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
  // A long delay: only the close path can send the records (see the last test).
  const exporter = createOtlpSessionEventExport({ url: `${receiver.url}/v1/logs`, headers: { authorization: 'Bearer collector-token' }, scheduledDelayMillis: 600_000 });
  server = await startTestServer({ store: await openTestStore(), http: { sessionInsights: { eventPostsPerKeyPerMinute: postsPerMinute, export: exporter } } });
}, 120_000);
afterAll(async () => {
  if (!closed) await server.close();
  await server.store.close();
  await receiver.close();
});
// Each test starts in a fresh rate window, 91 days after the last, so earlier tests' sessions fall out of any `days`.
beforeEach(() => server.advance(91 * 86_400_000));

const iso = (msAgo = 0) => new Date(server.now() - msAgo).toISOString();
const event = (sessionId: string, kind: SessionAnalyticsEvent['kind'], extra: Partial<SessionAnalyticsEvent> = {}, msAgo = 0): SessionAnalyticsEvent => ({ sessionId, flowId: 'invite-help', kind, at: iso(msAgo), mode: 'admin', ...(kind === 'started' || kind === 'step' ? { stepId: 'start' } : {}), ...extra });
const post = (key: string, body: unknown) => call(server.url, 'POST', '/v1/session-events', { key, body });
const insights = async (key: string, query = '?days=1') => (await call(server.url, 'GET', `/v1/session-insights${query}`, { key })).json as { sessions: Record<string, number>; dropOffSteps: unknown[]; medianSecondsToResolution: number | null; feedback: Record<string, number> };

describe('POST /v1/session-events and GET /v1/session-insights', () => {
  it('stores a batch and summarises it: outcomes, the step abandoned sessions stopped at, time to resolution, feedback', async () => {
    const hour = 3_600_000;
    const events = [
      event('s-resolved', 'started', {}, 2 * hour),
      event('s-resolved', 'ended', { result: 'resolved' }, 2 * hour - 90_000),
      event('s-resolved', 'feedback', { helpful: true }, 2 * hour - 80_000),
      event('s-gone', 'started', {}, 2 * hour),
      event('s-gone', 'step', { stepId: 'check-mail' }, 2 * hour - 60_000),
      event('s-escalated', 'started', {}, hour),
      event('s-escalated', 'ended', { result: 'escalated' }, hour - 1000),
      event('s-open', 'started', { mode: 'agent' }, 60_000),
    ];
    const answer = await post(server.keys.admin, { events });
    expect(answer.status).toBe(202);
    expect(answer.json).toEqual({ stored: events.length });
    expect(await insights(server.keys.admin)).toEqual({
      sessions: { total: 4, resolved: 1, escalated: 1, notResolved: 0, open: 1, abandoned: 1 },
      dropOffSteps: [{ flowId: 'invite-help', stepId: 'check-mail', count: 1 }],
      medianSecondsToResolution: 90,
      feedback: { helpful: 1, notHelpful: 0 },
    });
  });

  it('shows a team manager only the sessions their team posted, and an admin all of them', async () => {
    expect((await post(server.keys.managerA, { events: [event('team-a', 'started')] })).status).toBe(202);
    expect((await post(server.keys.managerB, { events: [event('team-b-1', 'started'), event('team-b-2', 'started')] })).status).toBe(202);
    expect((await insights(server.keys.managerA)).sessions.total).toBe(1);
    expect((await insights(server.keys.managerB)).sessions.total).toBe(2);
    expect((await insights(server.keys.admin)).sessions.total).toBe(3);
  });

  it('counts only the days asked for', async () => {
    expect((await post(server.keys.admin, { events: [event('three-days', 'started', {}, 3 * 86_400_000 - 60_000)] })).status).toBe(202);
    expect((await insights(server.keys.admin, '?days=1')).sessions.total).toBe(0);
    expect((await insights(server.keys.admin, '?days=3')).sessions.total).toBe(1);
  });

  it.each([
    ['no events', { events: [] }, /events/],
    ['too many events', { events: Array.from({ length: 101 }, (_, index) => ({ sessionId: `s${index}`, flowId: 'f', kind: 'started', at: '2025-03-10T09:00:00Z', stepId: 's', mode: 'admin' })) }, /events/],
    ['not an object', [1, 2], /body|expected object/i],
    ['an unknown field (an address)', { events: [{ sessionId: 's', flowId: 'f', kind: 'started', at: '2025-03-10T09:00:00Z', stepId: 's', mode: 'admin', email: 'ana@example.com' }] }, /events\[0\].*email/],
    ['a missing result on an end', { events: [{ sessionId: 's', flowId: 'f', kind: 'ended', at: '2025-03-10T09:00:00Z', mode: 'admin' }] }, /events\[0\]\.result/],
    ['an unknown kind', { events: [{ sessionId: 's', flowId: 'f', kind: 'clicked', at: '2025-03-10T09:00:00Z', mode: 'admin' }] }, /events\[0\]\.kind/],
  ])('answers %s with a 400 that names the problem', async (_name, body, pattern) => {
    const answer = await post(server.keys.admin, body);
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({ kind: 'invalid_request', message: expect.stringMatching(pattern) });
  });

  it('refuses an event timed far in the future or long ago', async () => {
    for (const at of [new Date(server.now() + 3_600_000).toISOString(), new Date(server.now() - 8 * 86_400_000).toISOString()]) {
      const answer = await post(server.keys.admin, { events: [{ ...event('s', 'started'), at }] });
      expect(answer.status).toBe(400);
      expect(errorOf(answer).message).toMatch(/events\[0\]\.at/);
    }
  });

  it('answers a bad days with a 400', async () => {
    for (const query of ['?days=0', '?days=91', '?days=abc']) expect((await call(server.url, 'GET', `/v1/session-insights${query}`, { key: server.keys.admin })).status, query).toBe(400);
  });

  it('needs a key for both routes', async () => {
    expect((await call(server.url, 'POST', '/v1/session-events', { body: { events: [event('s', 'started')] } })).status).toBe(401);
    expect((await call(server.url, 'GET', '/v1/session-insights')).status).toBe(401);
    expect((await call(server.url, 'GET', '/v1/session-insights', { key: 'not-a-key' })).status).toBe(401);
  });

  it('limits posts per key per minute with a 429 and Retry-After, each key on its own', async () => {
    for (let index = 0; index < postsPerMinute; index += 1) expect((await post(server.keys.managerA, { events: [event(`r${index}`, 'started')] })).status).toBe(202);
    const refused = await post(server.keys.managerA, { events: [event('over', 'started')] });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post(server.keys.managerB, { events: [event('other-key', 'started')] })).status).toBe(202);
    server.advance(60_000);
    expect((await post(server.keys.managerA, { events: [event('later', 'started')] })).status).toBe(202);
  });

  it('refuses a body over 64 KiB with a 413', async () => {
    const answer = await post(server.keys.admin, { events: [event('s', 'started')], padding: 'x'.repeat(70 * 1024) });
    expect(answer.status).toBe(413);
  });
});

describe('the OpenTelemetry export of session events', () => {
  it('sends every stored event as an OTLP/JSON log record with its attributes, flushed when the server closes', async () => {
    const at = new Date(server.now()).toISOString();
    const events: SessionAnalyticsEvent[] = [
      { sessionId: 'otel-1', flowId: 'invite-help', kind: 'step', at, stepId: 'check-mail', mode: 'agent' },
      { sessionId: 'otel-1', flowId: 'invite-help', kind: 'ended', at, result: 'resolved', mode: 'agent' },
      { sessionId: 'otel-1', flowId: 'invite-help', kind: 'feedback', at, helpful: false, mode: 'agent' },
    ];
    expect((await post(server.keys.admin, { events })).status).toBe(202);
    // Refused events are not stored, so not exported either.
    expect((await post(server.keys.admin, { events: [{ ...events[0], sessionId: 'otel-refused', kind: 'nope' }] })).status).toBe(400);
    expect(receiver.requests).toHaveLength(0);
    closed = true;
    await server.close();
    expect(receiver.requests.length).toBeGreaterThan(0);
    const [request] = receiver.requests;
    expect(request).toMatchObject({ path: '/v1/logs', contentType: expect.stringContaining('application/json'), authorization: 'Bearer collector-token' });
    const records = receiver.requests.flatMap((received) => received.body.resourceLogs.flatMap((resource) => resource.scopeLogs.flatMap((scope) => scope.logRecords)));
    const attributes = (record: (typeof records)[number]) => Object.fromEntries(record.attributes.map(({ key, value }) => [key, value.stringValue ?? value.boolValue]));
    const sessionIds = new Set(records.map((record) => attributes(record)['session.id']));
    // Every event the earlier tests stored went out too; none that was refused.
    expect(sessionIds).toContain('s-gone');
    expect(sessionIds).not.toContain('otel-refused');
    const mine = records.filter((record) => attributes(record)['session.id'] === 'otel-1');
    expect(mine.map(attributes)).toEqual([
      { 'session.id': 'otel-1', 'flow.id': 'invite-help', mode: 'agent', 'step.id': 'check-mail' },
      { 'session.id': 'otel-1', 'flow.id': 'invite-help', mode: 'agent', result: 'resolved' },
      { 'session.id': 'otel-1', 'flow.id': 'invite-help', mode: 'agent', helpful: false },
    ]);
    expect(mine.map((record) => record.eventName)).toEqual(['invite_doctor.session.step', 'invite_doctor.session.ended', 'invite_doctor.session.feedback']);
    expect(request?.body.resourceLogs[0]?.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'invite-doctor' } });
  });
});
