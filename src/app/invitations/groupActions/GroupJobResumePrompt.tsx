import { useText } from '../../../ui/useText.ts';
import type { GroupJob } from './GroupJob.ts';
import { groupJobProgress } from './groupJobProgress.ts';

interface GroupJobResumePromptProps {
  job: GroupJob;
  onResume(): void;
  onDiscard(): void;
}

/** "A group action was interrupted": how far it came, and resume or discard. */
export function GroupJobResumePrompt({ job, onResume, onDiscard }: GroupJobResumePromptProps) {
  const text = useText();
  const progress = groupJobProgress(job);
  return (
    <div className="id-group-resume">
      <p>{text('groupActions.resume.body', { label: job.label, settled: progress.settled, total: progress.total })}</p>
      <div className="id-actions">
        <button type="button" className="id-button" onClick={onResume}>
          {text('groupActions.resume.resume')}
        </button>
        <button type="button" className="id-button id-button--secondary" onClick={onDiscard}>
          {text('groupActions.resume.discard')}
        </button>
      </div>
    </div>
  );
}
