import { useCallback, useEffect, useRef, useState } from 'react';
import type { InvitationBackend } from '../../../engine/InvitationBackend.ts';
import type { GroupJob } from './GroupJob.ts';
import { groupJobProgress, type GroupJobProgress } from './groupJobProgress.ts';
import type { GroupJobStorage } from './groupJobStorage.ts';
import { runGroupJob } from './runGroupJob.ts';

/** What the live region says: changed only every tenth of the way and when a wait starts, never once per item. */
export interface GroupJobAnnouncement {
  settled: number;
  total: number;
  /** Seconds the mail system asked us to wait, when that is the news. */
  waitSeconds: number | null;
}

export type GroupJobRunState =
  | { kind: 'idle' }
  | { kind: 'running'; job: GroupJob; progress: GroupJobProgress; announcement: GroupJobAnnouncement; stopping: boolean }
  | { kind: 'finished'; job: GroupJob; outcome: 'finished' | 'cancelled' };

/**
 * Runs a group job for the panel: keeps it in `storage` while it runs, forgets it when it ends
 * or the person stops it, and keeps it (to resume) when the page is left mid-way.
 */
export function useGroupJobRun(backend: InvitationBackend, storage: GroupJobStorage) {
  const [state, setState] = useState<GroupJobRunState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const stoppedByPerson = useRef(false);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    (job: GroupJob) => {
      const abort = new AbortController();
      controller.current = abort;
      stoppedByPerson.current = false;
      const first = groupJobProgress(job);
      let bucket = -1;
      let waiting: number | null = null;
      setState({ kind: 'running', job, progress: first, announcement: { settled: first.settled, total: first.total, waitSeconds: null }, stopping: false });
      const onProgress = (progress: GroupJobProgress) => {
        const nextBucket = progress.total === 0 ? 10 : Math.floor((progress.settled / progress.total) * 10);
        const newWait = progress.waitingUntil !== null && progress.waitingUntil !== waiting;
        const announce = nextBucket !== bucket || newWait;
        bucket = nextBucket;
        waiting = progress.waitingUntil;
        setState((current) => {
          if (current.kind !== 'running') return current;
          const announcement = announce
            ? { settled: progress.settled, total: progress.total, waitSeconds: newWait && progress.waitingUntil !== null ? Math.max(1, Math.ceil((progress.waitingUntil - Date.now()) / 1000)) : null }
            : current.announcement;
          return { ...current, progress, announcement };
        });
      };
      void runGroupJob(job, { backend, clock: Date.now, signal: abort.signal, save: storage.write, onProgress }).then((run) => {
        // Left mid-way (the page unmounted): the job stays stored and is offered for resuming.
        if (run.outcome === 'cancelled' && !stoppedByPerson.current) return;
        storage.clear();
        setState({ kind: 'finished', job: run.job, outcome: run.outcome });
      });
    },
    [backend, storage],
  );

  const stop = useCallback(() => {
    stoppedByPerson.current = true;
    controller.current?.abort();
    setState((current) => (current.kind === 'running' ? { ...current, stopping: true } : current));
  }, []);

  const reset = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, start, stop, reset };
}
