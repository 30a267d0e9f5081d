// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionAnalyticsEvent } from '../../../../src/engine/index.ts';
import { createLocalEventSink, localSessionEventsKey, readLocalSessionEvents } from '../../../../src/app/insights/createLocalEventSink.ts';
import { createServerEventSink } from '../../../../src/app/insights/createServerEventSink.ts';
import { sessionProgressEvents, type SessionMark } from '../../../../src/app/insights/sessionProgressEvents.ts';

const at = '2026-11-30T12:00:00.000Z';
const mark = (stepId: string, outcome: SessionMark['outcome'] = null): SessionMark => ({ sessionId: 'abc123', flowId: 'invite-not-received', stepId, outcome });
const event = (index: number): SessionAnalyticsEvent => ({ sessionId: `s${index}`, flowId: 'f', kind: 'started', at, stepId: 'start', mode: 'admin' });

describe('sessionProgressEvents', () => {
  it('reports a new session as started at its first step', () => {
    expect(sessionProgressEvents(null, mark('start'), 'admin', at)).toEqual([{ sessionId: 'abc123', flowId: 'invite-not-received', kind: 'started', stepId: 'start', at, mode: 'admin' }]);
  });

  it('reports one step event per new step id, and nothing when the step stays (a reload resuming it)', () => {
    expect(sessionProgressEvents(mark('start'), mark('check-spam'), 'agent', at)).toEqual([{ sessionId: 'abc123', flowId: 'invite-not-received', kind: 'step', stepId: 'check-spam', at, mode: 'agent' }]);
    expect(sessionProgressEvents(mark('check-spam'), mark('check-spam'), 'agent', at)).toEqual([]);
  });

  it('reports an outcome once, with its result; a hand-over to another flow is none', () => {
    expect(sessionProgressEvents(mark('resend'), mark('done', 'resolved'), 'admin', at).map((item) => [item.kind, item.stepId ?? item.result])).toEqual([
      ['step', 'done'],
      ['ended', 'resolved'],
    ]);
    expect(sessionProgressEvents(mark('done', 'resolved'), mark('done', 'resolved'), 'admin', at)).toEqual([]);
    expect(sessionProgressEvents(mark('ask'), mark('jump', 'handed-over'), 'admin', at).map((item) => item.kind)).toEqual(['step']);
  });
});

describe('the demo sink (localStorage)', () => {
  beforeEach(() => localStorage.clear());

  it('appends events and keeps only the newest when full', () => {
    const sink = createLocalEventSink(localStorage, 3);
    sink.add([event(1), event(2)]);
    sink.add([event(3), event(4)]);
    expect(readLocalSessionEvents(localStorage).map((item) => item.sessionId)).toEqual(['s2', 's3', 's4']);
  });

  it('skips stored entries that are not session events, such as a planted address', () => {
    localStorage.setItem(localSessionEventsKey, JSON.stringify([{ ...event(1), email: 'ana@example.com' }, event(2)]));
    expect(readLocalSessionEvents(localStorage).map((item) => item.sessionId)).toEqual(['s2']);
  });
});

describe('the server sink', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A fetch that answers with `statuses` in turn (then 202) and records each request. */
  function fakeServer(statuses: number[]) {
    const requests: Array<{ url: string; authorization: string | null; events: SessionAnalyticsEvent[] }> = [];
    const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      requests.push({ url: String(input), authorization: headers.get('authorization'), events: (JSON.parse(String(init?.body)) as { events: SessionAnalyticsEvent[] }).events });
      const status = statuses.shift() ?? 202;
      const body = status === 429 ? { error: { kind: 'rate_limited', message: 'slow down', retryAfterMs: 30_000 } } : status === 202 ? { stored: 1 } : { error: { kind: 'invalid_request', message: 'no' } };
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    });
    return { fetch, requests };
  }

  it('posts gathered events in batches of at most 100 with the key in the Authorization header, never in the URL', async () => {
    const server = fakeServer([]);
    const sink = createServerEventSink({ baseUrl: 'https://doctor.example.com', token: () => 'idk_secret', fetch: server.fetch, delayMs: 1000 });
    sink.add(Array.from({ length: 150 }, (_, index) => event(index)));
    expect(server.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests.map((request) => request.events.length)).toEqual([100, 50]);
    expect(server.requests[0]).toMatchObject({ url: 'https://doctor.example.com/v1/session-events', authorization: 'Bearer idk_secret' });
    expect(server.requests.some((request) => request.url.includes('idk_secret'))).toBe(false);
    expect(sink.pending()).toBe(0);
  });

  it('keeps events when the server fails and sends them later, after a 429 no sooner than it asked', async () => {
    const server = fakeServer([503, 429]);
    const sink = createServerEventSink({ baseUrl: 'https://doctor.example.com', fetch: server.fetch, delayMs: 1000 });
    sink.add([event(1)]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sink.pending()).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(server.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests).toHaveLength(3);
    expect(sink.pending()).toBe(0);
  });

  it('drops a batch the server refuses as invalid instead of repeating it', async () => {
    const server = fakeServer([400]);
    const sink = createServerEventSink({ baseUrl: 'https://doctor.example.com', fetch: server.fetch, delayMs: 1000 });
    sink.add([event(1)]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(1);
    expect(sink.pending()).toBe(0);
  });

  it('keeps at most maxQueued events while the server is away, the newest', async () => {
    const server = fakeServer([503, 503, 503]);
    const sink = createServerEventSink({ baseUrl: 'https://doctor.example.com', fetch: server.fetch, delayMs: 1000, maxQueued: 2 });
    sink.add([event(1), event(2), event(3)]);
    expect(sink.pending()).toBe(2);
  });
});
