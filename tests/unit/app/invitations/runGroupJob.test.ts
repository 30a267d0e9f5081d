import { describe, expect, it } from 'vitest';
import { createMemoryBackend, type MemoryBackend, type MemorySeedFactory } from '../../../../src/adapters/index.ts';
import { createPolicy, type InvitationBackend, type InvitedUser } from '../../../../src/engine/index.ts';
import type { DiagnosedInvitation } from '../../../../src/registry/InvitationVerdict.ts';
import type { GroupJob, GroupJobAction } from '../../../../src/app/invitations/groupActions/GroupJob.ts';
import { planGroupJob } from '../../../../src/app/invitations/groupActions/planGroupJob.ts';
import { runGroupJob } from '../../../../src/app/invitations/groupActions/runGroupJob.ts';
import { summarizeGroupJob } from '../../../../src/app/invitations/groupActions/summarizeGroupJob.ts';
import { createGroupJobStorage, groupJobStorageKey } from '../../../../src/app/invitations/groupActions/groupJobStorage.ts';
import type { GroupJobProgress } from '../../../../src/app/invitations/groupActions/groupJobProgress.ts';

const day = 86_400_000;
const start = Date.UTC(2026, 10, 30, 9);
const policy = createPolicy();

function invited(id: string, email: string, sentAgoMs: number, now: number): InvitedUser {
  const sent = new Date(now - sentAgoMs).toISOString();
  return { id, email, status: 'invited', invitedAt: sent, lastSentAt: sent, expiresAt: new Date(now - sentAgoMs + policy.inviteExpiryMs).toISOString(), acceptedAt: null, setupCompleted: false, sso: false, team: 'sales' };
}

/** Five expired invitations, one sent five minutes ago (in cooldown), one typo'd address. */
const seed: MemorySeedFactory = (now) => ({
  users: [
    ...[1, 2, 3, 4, 5].map((n) => invited(`u${n}`, `person${n}@example.com`, 10 * day, now)),
    invited('fresh', 'fresh@example.com', 5 * 60_000, now),
    invited('typo', 'ann@gmial.com', 2 * day, now),
  ],
  events: [],
  suppressed: [],
  mail: { noMxDomains: ['gmial.com'], unknownMailboxes: [], blockingDomains: [], deferringDomains: [] },
  defaultTeam: 'sales',
});

/** A memory backend on a fake clock, and a sleep that moves that clock instead of waiting. */
function setup() {
  let now = start;
  const clock = () => now;
  const backend = createMemoryBackend(seed, clock, { latencyMs: 0 });
  const sleeps: number[] = [];
  const sleep = async (ms: number, signal?: AbortSignal) => {
    sleeps.push(ms);
    now += ms;
    return !signal?.aborted;
  };
  return { backend, clock, sleep, sleeps, advance: (ms: number) => (now += ms) };
}

async function rowsOf(backend: MemoryBackend, suggestion: Record<string, string> = {}): Promise<DiagnosedInvitation[]> {
  const page = await backend.listInvitations({ limit: 200 });
  if (!page.ok) throw new Error(page.error.kind);
  return page.value.invitations.map((user) => ({
    user,
    domain: user.email.split('@')[1] ?? '',
    verdict: { cause: 'expired', needsAction: true, since: null, days: null, delivery: null, suggestion: suggestion[user.email] ?? null, remedy: 'resend' },
  }));
}

async function sentCount(backend: InvitationBackend, email: string): Promise<number> {
  const events = await backend.deliveryEvents(email);
  return events.ok ? events.value.filter((event) => event.kind === 'sent').length : Number.NaN;
}

async function plan(backend: MemoryBackend, clock: () => number, action: GroupJobAction = 'resend', suggestion?: Record<string, string>): Promise<GroupJob> {
  const rows = (await rowsOf(backend, suggestion)).filter((row) => (action === 'fixTypo' ? row.user.id === 'typo' : row.user.id !== 'typo'));
  return planGroupJob(action, rows, 'Expired', policy, clock());
}

describe('runGroupJob', () => {
  it('skips an invitation still inside its resend cooldown and says until when', async () => {
    const { backend, clock, sleep } = setup();
    const job = await plan(backend, clock);
    const fresh = job.items.find((item) => item.email === 'fresh@example.com');
    expect(fresh?.state).toBe('skipped');
    expect(fresh?.skip).toEqual({ reason: 'cooldown', until: start - 5 * 60_000 + policy.resendCooldownMs });
    const run = await runGroupJob(job, { backend, clock, sleep });
    expect(await sentCount(backend, 'fresh@example.com')).toBe(0);
    expect(run.outcome).toBe('finished');
    const summary = summarizeGroupJob(run.job);
    expect([summary.succeeded.length, summary.failed.length, summary.skipped.length, summary.notRun.length]).toEqual([5, 0, 1, 0]);
  });

  it('waits the Retry-After of a rate limit, then resends that same invitation once', async () => {
    const { backend, clock, sleep, sleeps } = setup();
    backend.injectFault('resendInvite', { kind: 'rate_limited', retryAfterMs: 2_000 }, 2);
    const progress: GroupJobProgress[] = [];
    const run = await runGroupJob(await plan(backend, clock), { backend, clock, sleep, onProgress: (value) => progress.push(value) });
    expect(sleeps).toContain(2_000);
    expect(sleeps.filter((ms) => ms === 2_000)).toHaveLength(2);
    expect(progress.some((value) => value.waitingUntil !== null && value.current === 'person1@example.com')).toBe(true);
    for (const n of [1, 2, 3, 4, 5]) expect(await sentCount(backend, `person${n}@example.com`)).toBe(1);
    expect(run.job.items.find((item) => item.userId === 'u1')?.attempts).toBe(3);
    expect(progress.at(-1)).toMatchObject({ total: 5, done: 5, failed: 0, skipped: 1, waitingUntil: null });
  });

  it('never calls faster than the minimum interval, slows down after a rate limit and eases back after', async () => {
    const { backend, clock, sleep } = setup();
    const starts: number[] = [];
    const counting: InvitationBackend = { ...backend, resendInvite: (id, options) => (starts.push(clock()), backend.resendInvite(id, options)) };
    backend.injectFault('resendInvite', { kind: 'rate_limited', retryAfterMs: 0 });
    await runGroupJob(await plan(backend, clock), { backend: counting, clock, sleep, minIntervalMs: 100 });
    const gaps = starts.slice(1).map((at, index) => at - (starts[index] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
    expect(gaps[0]).toBeGreaterThanOrEqual(250);
    expect(gaps.at(-1)).toBeLessThan(250);
  });

  it('fails an item whose rate limit outlasts the longest wait, with the error for the summary', async () => {
    const { backend, clock, sleep } = setup();
    backend.injectFault('resendInvite', { kind: 'rate_limited', retryAfterMs: 3_600_000, message: 'secret-ish text' });
    const run = await runGroupJob(await plan(backend, clock), { backend, clock, sleep });
    const summary = summarizeGroupJob(run.job);
    expect(summary.failed.map((item) => [item.email, item.error])).toEqual([['person1@example.com', { kind: 'rate_limited', retryAfterMs: 3_600_000 }]]);
    expect(summary.succeeded).toHaveLength(4);
  });

  it('gives up on an item after the bounded number of retries', async () => {
    const { backend, clock, sleep } = setup();
    backend.injectFault('resendInvite', { kind: 'rate_limited', retryAfterMs: 1_000 }, 10);
    const run = await runGroupJob(await plan(backend, clock), { backend, clock, sleep, maxRetries: 2 });
    expect(run.job.items.find((item) => item.userId === 'u1')).toMatchObject({ state: 'failed', attempts: 3 });
  });

  it('stops after the current call when cancelled, and the rest stays to resume', async () => {
    const { backend, clock, sleep } = setup();
    const controller = new AbortController();
    const cancelling: InvitationBackend = {
      ...backend,
      resendInvite: async (id, options) => {
        const result = await backend.resendInvite(id, options);
        if (id === 'u2') controller.abort();
        return result;
      },
    };
    const run = await runGroupJob(await plan(backend, clock), { backend: cancelling, clock, sleep, signal: controller.signal });
    expect(run.outcome).toBe('cancelled');
    expect(run.job.items.map((item) => item.state)).toEqual(['skipped', 'done', 'done', 'pending', 'pending', 'pending']);
    expect(await sentCount(backend, 'person3@example.com')).toBe(0);
    const resumed = await runGroupJob(run.job, { backend, clock, sleep });
    expect(resumed.outcome).toBe('finished');
    for (const n of [1, 2, 3, 4, 5]) expect(await sentCount(backend, `person${n}@example.com`)).toBe(1);
  });

  it('sends nothing twice when the page dies mid-call and the job resumes from storage', async () => {
    const { backend, clock, sleep, advance } = setup();
    const values = new Map<string, string>();
    const storage = createGroupJobStorage({ getItem: (key) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), removeItem: (key: string) => void values.delete(key) } as Storage);
    // The third resend reaches the backend, but its answer never comes back: the page is gone.
    const dying: InvitationBackend = {
      ...backend,
      resendInvite: async (id, options) => {
        const result = await backend.resendInvite(id, options);
        return id === 'u3' ? new Promise(() => {}) : result;
      },
    };
    void runGroupJob(await plan(backend, clock), { backend: dying, clock, sleep, save: storage.write });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(values.get(groupJobStorageKey)).not.toContain('http');
    const saved = storage.read();
    expect(saved?.items.find((item) => item.userId === 'u3')?.state).toBe('in_flight');
    advance(60_000);
    const resumed = await runGroupJob(saved as GroupJob, { backend, clock, sleep, save: storage.write });
    expect(resumed.job.items.find((item) => item.userId === 'u3')?.state).toBe('done');
    for (const n of [1, 2, 3, 4, 5]) expect(await sentCount(backend, `person${n}@example.com`)).toBe(1);
  });

  it('resends an in-flight item after a reload when the backend shows it never went out', async () => {
    const { backend, clock, sleep } = setup();
    const job = await plan(backend, clock);
    const interrupted: GroupJob = { ...job, startedAt: clock(), items: job.items.map((item) => (item.userId === 'u1' ? { ...item, state: 'in_flight', attempts: 1 } : item)) };
    await runGroupJob(interrupted, { backend, clock, sleep });
    expect(await sentCount(backend, 'person1@example.com')).toBe(1);
  });

  it('counts a lost answer as done when the backend shows the resend went out', async () => {
    const { backend, clock, sleep } = setup();
    const timingOut: InvitationBackend = {
      ...backend,
      resendInvite: async (id, options) => {
        const result = await backend.resendInvite(id, options);
        return id === 'u4' ? { ok: false, error: { kind: 'unavailable', cause: 'timeout' } } : result;
      },
    };
    const run = await runGroupJob(await plan(backend, clock), { backend: timingOut, clock, sleep });
    expect(run.job.items.find((item) => item.userId === 'u4')?.state).toBe('done');
    expect(await sentCount(backend, 'person4@example.com')).toBe(1);
  });

  it('cancels invitations, and a second run of the same job changes nothing more', async () => {
    const { backend, clock, sleep } = setup();
    const run = await runGroupJob(await plan(backend, clock, 'cancel'), { backend, clock, sleep });
    expect(summarizeGroupJob(run.job).succeeded).toHaveLength(6);
    expect((await backend.findUser('person1@example.com')).ok && (await backend.findUser('person1@example.com'))).toEqual({ ok: true, value: null });
  });

  it('fixes a typo: withdraws the old invitation and invites the suggested address in the same team', async () => {
    const { backend, clock, sleep } = setup();
    const run = await runGroupJob(await plan(backend, clock, 'fixTypo', { 'ann@gmial.com': 'ann@gmail.com' }), { backend, clock, sleep });
    const item = run.job.items[0];
    expect(item).toMatchObject({ state: 'done', cancelled: true, target: 'ann@gmail.com' });
    const found = await backend.findUser('ann@gmail.com');
    expect(found.ok && found.value).toMatchObject({ team: 'sales', id: item?.newUserId });
    expect(await backend.findUser('ann@gmial.com')).toEqual({ ok: true, value: null });
  });

  it('says when a typo fix withdrew the old invitation but could not send the new one', async () => {
    const { backend, clock, sleep } = setup();
    backend.injectFault('inviteUser', { kind: 'not_permitted' });
    const run = await runGroupJob(await plan(backend, clock, 'fixTypo', { 'ann@gmial.com': 'ann@gmail.com' }), { backend, clock, sleep });
    const summary = summarizeGroupJob(run.job);
    expect(summary.reinviteByHand.map((item) => item.target)).toEqual(['ann@gmail.com']);
    expect(summary.failed[0]?.error).toEqual({ kind: 'not_permitted' });
  });

  it('reads no job from storage that does not parse', () => {
    const values = new Map([[groupJobStorageKey, '{"version":1,"action":"explode"}']]);
    const storage = createGroupJobStorage({ getItem: (key: string) => values.get(key) ?? null } as Storage);
    expect(storage.read()).toBeNull();
  });
});
