import type { GroupJob } from './GroupJob.ts';

/** How far a group job has come, as the progress bar and its live region show it. */
export interface GroupJobProgress {
  /** Items that will be acted on (skipped ones not counted). */
  total: number;
  done: number;
  failed: number;
  /** Skipped when planned (cooldown, no longer pending, …). */
  skipped: number;
  /** `done + failed`, out of `total`. */
  settled: number;
  /** Waiting because the backend asked us to slow down, until this time (epoch ms); else `null`. */
  waitingUntil: number | null;
  /** The address being worked on, if any. */
  current: string | null;
}

export function groupJobProgress(job: GroupJob, waitingUntil: number | null = null, current: string | null = null): GroupJobProgress {
  let done = 0;
  let failed = 0;
  let skipped = 0;
  for (const item of job.items) {
    if (item.state === 'done') done += 1;
    else if (item.state === 'failed') failed += 1;
    else if (item.state === 'skipped') skipped += 1;
  }
  const total = job.items.length - skipped;
  return { total, done, failed, skipped, settled: done + failed, waitingUntil, current };
}
