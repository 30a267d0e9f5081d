import type { GroupJob, GroupJobItem } from './GroupJob.ts';

/** What a group job did, for the summary at its end. */
export interface GroupJobSummary {
  succeeded: GroupJobItem[];
  /** Failed, each with its `error`; a typo fix among them may have withdrawn the old invitation (see `reinviteByHand`). */
  failed: GroupJobItem[];
  /** Left out before anything was sent, each with its `skip` reason. */
  skipped: GroupJobItem[];
  /** Never tried because the job was cancelled. */
  notRun: GroupJobItem[];
  /** Typo fixes whose old invitation was withdrawn but whose new one failed: invite `target` by hand. */
  reinviteByHand: GroupJobItem[];
}

export function summarizeGroupJob(job: GroupJob): GroupJobSummary {
  const summary: GroupJobSummary = { succeeded: [], failed: [], skipped: [], notRun: [], reinviteByHand: [] };
  for (const item of job.items) {
    if (item.state === 'done') summary.succeeded.push(item);
    else if (item.state === 'failed') summary.failed.push(item);
    else if (item.state === 'skipped') summary.skipped.push(item);
    else summary.notRun.push(item);
    if (job.action === 'fixTypo' && item.cancelled && item.state !== 'done') summary.reinviteByHand.push(item);
  }
  return summary;
}
