// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sessionAnalyticsEventSchema, summarizeSessionEvents, type SessionAnalyticsEvent } from '../../../src/engine/index.ts';

const now = Date.parse('2026-11-30T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000).toISOString();

/** A session's events: started at `startMinutesAgo`, then one step per minute through `steps`, then an optional end. */
function session(id: string, startMinutesAgo: number, steps: string[], end?: SessionAnalyticsEvent['result'], flowId = 'invite-help'): SessionAnalyticsEvent[] {
  const events: SessionAnalyticsEvent[] = [{ sessionId: id, flowId, kind: 'started', at: minutesAgo(startMinutesAgo), stepId: steps[0] ?? 'start', mode: 'admin' }];
  steps.slice(1).forEach((stepId, index) => events.push({ sessionId: id, flowId, kind: 'step', at: minutesAgo(startMinutesAgo - index - 1), stepId, mode: 'admin' }));
  if (end) events.push({ sessionId: id, flowId, kind: 'ended', at: minutesAgo(startMinutesAgo - steps.length), result: end, mode: 'admin' });
  return events;
}

describe('summarizeSessionEvents', () => {
  it('counts nothing for no events', () => {
    expect(summarizeSessionEvents([], now)).toEqual({
      sessions: { total: 0, resolved: 0, escalated: 0, notResolved: 0, open: 0, abandoned: 0 },
      dropOffSteps: [],
      medianSecondsToResolution: null,
      feedback: { helpful: 0, notHelpful: 0 },
    });
  });

  it('sorts sessions by their end: resolved, escalated, not resolved', () => {
    const events = [...session('a', 100, ['start', 'check'], 'resolved'), ...session('b', 100, ['start'], 'escalated'), ...session('c', 100, ['start'], 'not-resolved'), ...session('d', 100, ['start'], 'resolved')];
    expect(summarizeSessionEvents(events, now).sessions).toEqual({ total: 4, resolved: 2, escalated: 1, notResolved: 1, open: 0, abandoned: 0 });
  });

  it('counts a quiet session without an end as open within the idle window and abandoned after it', () => {
    const events = [...session('recent', 10, ['start', 'ask']), ...session('old', 100, ['start', 'ask'])];
    expect(summarizeSessionEvents(events, now).sessions).toMatchObject({ open: 1, abandoned: 1 });
    expect(summarizeSessionEvents(events, now, 5 * 60_000).sessions).toMatchObject({ open: 0, abandoned: 2 });
  });

  it('counts a waiting outcome as open, never abandoned', () => {
    expect(summarizeSessionEvents(session('w', 500, ['start'], 'waiting'), now).sessions).toMatchObject({ open: 1, abandoned: 0 });
  });

  it('names the step where abandoned sessions stopped, most first', () => {
    const events = [...session('a', 200, ['start', 'pick-user', 'check-mail']), ...session('b', 200, ['start', 'pick-user', 'check-mail']), ...session('c', 200, ['start', 'pick-user']), ...session('done', 200, ['start', 'pick-user'], 'resolved')];
    expect(summarizeSessionEvents(events, now).dropOffSteps).toEqual([
      { flowId: 'invite-help', stepId: 'check-mail', count: 2 },
      { flowId: 'invite-help', stepId: 'pick-user', count: 1 },
    ]);
  });

  it('judges a session by time, not by the order its events arrived in', () => {
    const events = session('a', 200, ['start', 'pick-user', 'check-mail']).reverse();
    expect(summarizeSessionEvents(events, now).dropOffSteps).toEqual([{ flowId: 'invite-help', stepId: 'check-mail', count: 1 }]);
  });

  it('keeps two flows apart even when their session ids meet', () => {
    const events = [...session('same', 200, ['start'], undefined, 'flow-a'), ...session('same', 200, ['start'], 'resolved', 'flow-b')];
    expect(summarizeSessionEvents(events, now).sessions).toMatchObject({ total: 2, resolved: 1, abandoned: 1 });
  });

  it('takes the median time from start to a resolved end', () => {
    // Ends come steps.length minutes after the start: 1, 2 and 4 minutes.
    const events = [...session('a', 100, ['s'], 'resolved'), ...session('b', 100, ['s', 't'], 'resolved'), ...session('c', 100, ['s', 't', 'u', 'v'], 'resolved'), ...session('x', 100, ['s', 't', 'u', 'v', 'w', 'y'], 'escalated')];
    expect(summarizeSessionEvents(events, now).medianSecondsToResolution).toBe(120);
    expect(summarizeSessionEvents(events.filter((event) => event.sessionId !== 'c'), now).medianSecondsToResolution).toBe(90);
  });

  it('counts one feedback answer per session, the latest', () => {
    const feedback = (sessionId: string, helpful: boolean, minutes: number): SessionAnalyticsEvent => ({ sessionId, flowId: 'invite-help', kind: 'feedback', at: minutesAgo(minutes), helpful, mode: 'agent' });
    const events = [...session('a', 100, ['s'], 'resolved'), feedback('a', false, 90), feedback('a', true, 80), feedback('a', true, 80), ...session('b', 100, ['s'], 'escalated'), feedback('b', false, 85)];
    expect(summarizeSessionEvents(events, now).feedback).toEqual({ helpful: 1, notHelpful: 1 });
  });

  it('ignores an event whose time cannot be read', () => {
    const events: SessionAnalyticsEvent[] = [{ sessionId: 'a', flowId: 'f', kind: 'started', at: 'yesterday', stepId: 's', mode: 'admin' }];
    expect(summarizeSessionEvents(events, now).sessions.total).toBe(0);
  });
});

describe('sessionAnalyticsEventSchema', () => {
  const valid = { sessionId: 's-1', flowId: 'invite-help', kind: 'step', at: '2026-11-30T12:00:00.000Z', stepId: 'check-mail', mode: 'admin' };

  it('accepts an event as the SPA sends it', () => {
    expect(sessionAnalyticsEventSchema.safeParse(valid).success).toBe(true);
  });

  it('refuses a field it does not know, such as an address', () => {
    expect(sessionAnalyticsEventSchema.safeParse({ ...valid, email: 'ana@example.com' }).success).toBe(false);
  });

  it('refuses an event without the field its kind needs', () => {
    const result = sessionAnalyticsEventSchema.safeParse({ ...valid, kind: 'ended' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['result']);
  });

  it('refuses an id with characters an id never has', () => {
    expect(sessionAnalyticsEventSchema.safeParse({ ...valid, stepId: 'ana@example.com' }).success).toBe(false);
  });
});
