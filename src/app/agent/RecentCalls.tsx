import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../ui/useFormatters.ts';
import { useNow } from '../../ui/useNow.ts';
import { useText } from '../../ui/useText.ts';
import { findFlowSummary } from '../flowCatalog.ts';
import { sessionRecords } from '../sessionRecords.ts';
import { useSettingsStore } from '../useSettingsStore.ts';

const shown = 8;

/**
 * This browser's recent calls (the recent-sessions store): address, check, start, state. Each
 * resumes where it stopped. Earlier calls can be cleared after a confirmation; the current one
 * stays.
 */
export function RecentCalls({ currentSessionId }: { currentSessionId: string }) {
  const sessions = useSettingsStore((state) => state.recentSessions);
  const remove = useSettingsStore((state) => state.removeRecentSession);
  const [confirming, setConfirming] = useState(false);
  const text = useText();
  const format = useFormatters();
  const now = useNow(60_000);
  const earlier = sessions.filter((session) => session.id !== currentSessionId);

  const clear = () => {
    for (const session of earlier) {
      sessionRecords.remove(session.id);
      remove(session.id);
    }
    setConfirming(false);
  };
  return (
    <div className="id-agent-recent">
      <h3 className="id-agent-subtitle">{text('agent.calls.recent')}</h3>
      {sessions.length === 0 ? (
        <p className="id-muted">{text('agent.calls.none')}</p>
      ) : (
        <ul className="id-agent-call-list">
          {sessions.slice(0, shown).map((session) => {
            const flow = findFlowSummary(session.flowId);
            const current = session.id === currentSessionId;
            return (
              <li key={session.id} className="id-agent-call-item" aria-current={current ? 'true' : undefined}>
                <Link to={`/flows/${session.flowId}/steps/${session.lastStepId}?session=${session.id}`}>{session.email ?? '—'}</Link>
                <span className="id-agent-call-meta">
                  <strong className="id-agent-call-state">{text(session.outcome ? `app.outcome.${session.outcome}` : 'app.sessions.inProgress')}</strong>
                  {` · ${flow ? text(flow.title) : session.flowId} · ${format.time(session.startedAt)} (${format.relative(session.startedAt, now)})`}
                  {current && ` · ${text('agent.calls.current')}`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {confirming ? (
        <div className="id-agent-confirm">
          <p role="alert">{text('agent.calls.clearQuestion', { count: earlier.length })}</p>
          <div className="id-actions">
            <button type="button" className="id-button id-button--warning" onClick={clear}>
              {text('agent.calls.clearConfirm')}
            </button>
            <button type="button" className="id-button id-button--secondary" onClick={() => setConfirming(false)}>
              {text('agent.calls.clearCancel')}
            </button>
          </div>
        </div>
      ) : (
        earlier.length > 0 && (
          <button type="button" className="id-link-button" onClick={() => setConfirming(true)}>
            {text('agent.calls.clear')}
          </button>
        )
      )}
    </div>
  );
}
