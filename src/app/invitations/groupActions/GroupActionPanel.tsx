import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useNow } from '../../../ui/useNow.ts';
import { useText } from '../../../ui/useText.ts';
import type { AppBackend } from '../../appBackend.ts';
import type { GroupActionRequest } from '../GroupActionRequest.ts';
import { isOpenItem, type GroupJob } from './GroupJob.ts';
import { GroupItTicketList } from './GroupItTicketList.tsx';
import { GroupJobPreview } from './GroupJobPreview.tsx';
import { GroupJobProgressView } from './GroupJobProgressView.tsx';
import { GroupJobResumePrompt } from './GroupJobResumePrompt.tsx';
import { GroupJobSummaryView } from './GroupJobSummaryView.tsx';
import { createGroupJobStorage, type GroupJobStorage } from './groupJobStorage.ts';
import { planGroupJob } from './planGroupJob.ts';
import { useDialogFocus } from './useDialogFocus.ts';
import { useGroupJobRun } from './useGroupJobRun.ts';

export interface GroupActionPanelProps {
  app: AppBackend;
  /** The action asked for; `null` when none is open (a job resumed after a reload still shows). */
  request: GroupActionRequest | null;
  /** Something changed at the backend: the page loads the invitations again. */
  onChanged(): void;
  onClose(): void;
  /** Where the unfinished job is kept. @default sessionStorage */
  storage?: GroupJobStorage;
}

/**
 * Preview, confirmation, progress and summary of one group action, as a non-modal dialog above
 * the list. Nothing is sent before the confirm button (which names the count) is pressed. A job
 * interrupted by a reload is offered for resuming even when no action is asked for. Esc closes it
 * unless a job runs.
 */
export function GroupActionPanel({ app, request, onChanged, onClose, storage: given }: GroupActionPanelProps) {
  const text = useText();
  const headingId = useId();
  const storage = useMemo(() => given ?? createGroupJobStorage(typeof sessionStorage === 'undefined' ? null : sessionStorage), [given]);
  const [stored, setStored] = useState<GroupJob | null>(() => {
    const job = storage.read();
    return job && job.items.some(isOpenItem) ? job : null;
  });
  const { state, start, stop, reset } = useGroupJobRun(app.backend, storage);
  // Planned when asked for, at that moment (within seconds): the preview's cooldowns are the job's.
  const now = useNow(5_000);
  const [planned, setPlanned] = useState<{ request: GroupActionRequest; job: GroupJob | null } | null>(null);
  if (request && planned?.request !== request) {
    setPlanned({ request, job: request.action === 'itTicket' ? null : planGroupJob(request.action, request.rows, request.label, app.policy, now) });
  }

  const view =
    // An interrupted job comes first: a new one would replace it in storage before it was resumed or discarded.
    state.kind === 'running' ? 'running' : state.kind === 'finished' ? 'summary' : stored ? 'interrupted' : request ? (request.action === 'itTicket' ? 'tickets' : 'preview') : null;
  const heading = useDialogFocus(view);
  if (view === null) return null;

  const job = state.kind === 'idle' ? (view === 'interrupted' ? stored : (planned?.job ?? null)) : state.job;
  const action = job?.action ?? request?.action ?? 'resend';
  const label = job?.label ?? request?.label ?? '';
  const done = () => {
    reset();
    onChanged();
    onClose();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    if (view === 'preview' || view === 'tickets') onClose();
    else if (view === 'summary') done();
  };
  const title =
    view === 'interrupted'
      ? text('groupActions.resume.heading')
      : view === 'summary' && state.kind === 'finished'
        ? text(state.outcome === 'finished' ? 'groupActions.summary.heading' : 'groupActions.summary.headingStopped')
        : view === 'running'
          ? text('groupActions.running.heading')
          : text(`groupActions.title.${action}`);

  return (
    <section className="id-group-panel" role="dialog" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className="id-group-heading">
        {title}
      </h2>
      {view !== 'interrupted' && label && <p className="id-muted">{text('groupActions.group', { label })}</p>}
      {view === 'preview' && job && <GroupJobPreview job={job} onConfirm={() => start({ ...job, startedAt: Date.now() })} onClose={onClose} />}
      {view === 'tickets' && request && (
        <>
          <GroupItTicketList rows={request.rows} policy={app.policy} />
          <div className="id-actions">
            <button type="button" className="id-button id-button--secondary" onClick={onClose}>
              {text('groupActions.close')}
            </button>
          </div>
        </>
      )}
      {view === 'interrupted' && stored && (
        <GroupJobResumePrompt
          job={stored}
          onResume={() => {
            setStored(null);
            start(stored);
          }}
          onDiscard={() => {
            storage.clear();
            setStored(null);
          }}
        />
      )}
      {state.kind === 'running' && <GroupJobProgressView progress={state.progress} announcement={state.announcement} stopping={state.stopping} onStop={stop} />}
      {state.kind === 'finished' && <GroupJobSummaryView job={state.job} onDone={done} />}
    </section>
  );
}
