import type { BackendError } from '../../../engine/BackendError.ts';
import type { Clock } from '../../../engine/Clock.ts';
import type { InvitationBackend } from '../../../engine/InvitationBackend.ts';
import type { Result } from '../../../engine/Result.ts';
import { isOpenItem, type GroupJob, type GroupJobItem } from './GroupJob.ts';
import { groupJobProgress, type GroupJobProgress } from './groupJobProgress.ts';
import { verifyGroupItem } from './verifyGroupItem.ts';
import { waitUnlessAborted } from '../../../adapters/waitUnlessAborted.ts';

export interface RunGroupJobOptions {
  backend: InvitationBackend;
  clock: Clock;
  /** Stops the job after the current call (a call already sent is never abandoned half-way). */
  signal?: AbortSignal;
  /** Called with a copy of the job after every change of an item, before and after each call: persist it here. */
  save?(job: GroupJob): void;
  onProgress?(progress: GroupJobProgress): void;
  /** Waits `ms`; resolves false when `signal` aborts first. Tests pass one that moves a fake clock. */
  sleep?(ms: number, signal?: AbortSignal): Promise<boolean>;
  /** The least time between the starts of two calls. @default 100 (at most 10 calls a second) */
  minIntervalMs?: number;
  /** How often one item is tried again after `rate_limited`. @default 5 */
  maxRetries?: number;
  /** The longest Retry-After waited for; a longer one fails the item with the rate limit (and its time). @default 60000 */
  maxWaitMs?: number;
}

export interface GroupJobRun {
  job: GroupJob;
  /** `cancelled`: stopped by the signal with items left (they stay `pending`). */
  outcome: 'finished' | 'cancelled';
}

/** The least time between the starts of two calls unless told otherwise: at most 10 calls a second. */
export const defaultGroupJobIntervalMs = 100;

/** After a rate limit the pace slows down, up to one call every 2 s. */
const slowestIntervalMs = 2_000;

/**
 * Runs a group job, ONE backend call at a time, and never faster than the backend allows:
 * calls are spaced by `minIntervalMs` (doubled after every rate limit, up to 2 s, and eased back
 * by a fifth per answer that is not one); `rate_limited` waits the
 * error's `retryAfterMs` and tries that same item again (at most `maxRetries` times). Nothing is
 * done twice: an item is saved `in_flight` before its call, and an `in_flight` item (a reload
 * mid-call) or one whose answer was lost (timeout, network, server error) is verified with
 * `findUser` before it is ever called again. Items in cooldown were skipped when planning.
 */
export async function runGroupJob(start: GroupJob, options: RunGroupJobOptions): Promise<GroupJobRun> {
  const { backend, clock, signal } = options;
  const sleep = options.sleep ?? waitUnlessAborted;
  const maxRetries = options.maxRetries ?? 5;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const minInterval = options.minIntervalMs ?? defaultGroupJobIntervalMs;
  let interval = minInterval;
  let lastCallAt = Number.NEGATIVE_INFINITY;
  const job: GroupJob = { ...start, startedAt: start.startedAt ?? clock(), items: start.items.map((item) => ({ ...item })) };
  const report = (waitingUntil: number | null = null, current: string | null = null) => {
    options.save?.(structuredClone(job));
    options.onProgress?.(groupJobProgress(job, waitingUntil, current));
  };

  /** One call with pacing and rate-limit retries; `null` when cancelled while waiting (nothing was sent). */
  const call = async <T>(item: GroupJobItem, send: () => Promise<Result<T>>): Promise<Result<T> | null> => {
    for (;;) {
      const gap = lastCallAt + interval - clock();
      if (gap > 0 && !(await sleep(gap, signal))) return null;
      item.state = 'in_flight';
      item.attempts += 1;
      report(null, item.email);
      lastCallAt = clock();
      const result = await send();
      // Each answer that is not a rate limit earns back a little of the pace lost to one.
      if (result.ok || result.error.kind !== 'rate_limited') {
        interval = Math.max(minInterval, interval * 0.8);
        return result;
      }
      // Refused for pace: nothing was done, so the same item may be tried again after the wait.
      item.state = 'pending';
      const wait = Number.isFinite(result.error.retryAfterMs) ? Math.max(0, result.error.retryAfterMs) : maxWaitMs;
      if (item.attempts > maxRetries || wait > maxWaitMs) return result;
      interval = Math.min(slowestIntervalMs, Math.max(interval * 2, 250));
      report(clock() + wait, item.email);
      if (!(await sleep(wait, signal))) return null;
    }
  };

  const fail = (item: GroupJobItem, error: BackendError) => Object.assign(item, { state: 'failed', error: withoutMessage(error) });

  const succeed = (item: GroupJobItem, newUserId: string | undefined) =>
    Object.assign(item, { state: 'done' }, newUserId && newUserId !== item.userId ? { newUserId } : {});

  /** Settles a call's answer; a lost answer is checked with the backend instead of guessed. */
  const settle = async <T>(item: GroupJobItem, result: Result<T>, newUserId: (value: T) => string | undefined): Promise<void> => {
    if (result.ok) succeed(item, newUserId(result.value));
    else if (!isAnswerLost(result.error)) fail(item, result.error);
    else {
      const check = await verifyGroupItem(backend, job, item);
      if (check.kind === 'done') succeed(item, check.newUserId);
      else fail(item, result.error);
    }
  };

  for (const item of job.items) {
    if (!isOpenItem(item)) continue;
    if (signal?.aborted) break;
    if (item.state === 'in_flight') {
      // The page died mid-call: ask before acting, never call again blindly.
      const check = await verifyGroupItem(backend, job, item);
      if (check.kind === 'done') Object.assign(item, { state: 'done' }, check.newUserId ? { newUserId: check.newUserId } : {});
      else if (check.kind === 'unknown') fail(item, check.error);
      else Object.assign(item, { state: 'pending' }, check.kind === 'cancelledOnly' ? { cancelled: true } : {});
      report();
      if (!isOpenItem(item)) continue;
    }
    if (job.action === 'fixTypo') await fixTypo(item);
    else {
      const result = await call<{ userId?: string } | { cancelledAt: string }>(item, () =>
        job.action === 'resend' ? backend.resendInvite(item.userId) : backend.cancelInvite(item.userId),
      );
      if (result === null) break;
      await settle(item, result, (value) => ('userId' in value ? value.userId : undefined));
    }
    report();
  }

  async function fixTypo(item: GroupJobItem): Promise<void> {
    if (!item.cancelled) {
      const cancelled = await call(item, () => backend.cancelInvite(item.userId));
      if (cancelled === null) return;
      if (!cancelled.ok) {
        if (!isAnswerLost(cancelled.error)) return void fail(item, cancelled.error);
        const check = await verifyGroupItem(backend, job, item);
        if (check.kind === 'done') return void succeed(item, check.newUserId);
        if (check.kind !== 'cancelledOnly') return void fail(item, cancelled.error);
      }
      Object.assign(item, { state: 'pending', cancelled: true });
      report();
      if (signal?.aborted) return;
    }
    const target = item.target ?? '';
    const invited = await call(item, () => backend.inviteUser(target, { team: item.team }));
    if (invited === null) return;
    await settle(item, invited, (value) => value.id);
  }

  const open = job.items.some(isOpenItem);
  report();
  return { job, outcome: open ? 'cancelled' : 'finished' };
}

/** No answer came back, so the call may or may not have taken effect. */
function isAnswerLost(error: BackendError): boolean {
  return error.kind === 'unavailable' && error.cause !== 'malformed';
}

/** The backend's own wording stays out of storage; the kind (and its details) is what the summary explains. */
function withoutMessage(error: BackendError): BackendError {
  const copy = { ...error };
  delete copy.message;
  return copy;
}
