import { Link } from 'react-router-dom';
import { unknownStepKey } from '../ui/stepName.ts';
import { useText } from '../ui/useText.ts';
import { useFormatters } from '../ui/useFormatters.ts';
import { useNow } from '../ui/useNow.ts';
import { findFlowSummary } from './flowCatalog.ts';
import { sessionRecords } from './sessionRecords.ts';
import { useDocumentTitle } from './useDocumentTitle.ts';
import { pruneExpiredSessions, useSettingsStore } from './useSettingsStore.ts';

/** Sessions saved in this browser: resume one, delete one, or clear them all. */
export function SessionsPage() {
  const sessions = useSettingsStore((state) => state.recentSessions);
  const remove = useSettingsStore((state) => state.removeRecentSession);
  const clear = useSettingsStore((state) => state.clearRecentSessions);
  const text = useText();
  const format = useFormatters();
  const now = useNow(60_000);
  useDocumentTitle(text('app.sessions.title'), text('app.name'));

  return (
    <div className="id-sessions">
      <h1 className="id-heading">{text('app.sessions.title')}</h1>
      <RetentionSetting />
      {sessions.length === 0 ? (
        <p>
          {text('app.sessions.empty')} <Link to="/">{text('app.sessions.startOne')}</Link>
        </p>
      ) : (
        <>
          <p className="id-muted">{text('app.sessions.lead')}</p>
          <ul className="id-session-list">
            {sessions.map((session) => {
              const flow = findFlowSummary(session.flowId);
              const email = session.email ?? '—';
              return (
                <li key={session.id} className="id-session-card">
                  <h2 className="id-session-title">{flow ? text(flow.title) : session.flowId}</h2>
                  <dl className="id-fact-list">
                    <div className="id-fact-row">
                      <dt>{text('app.sessions.email')}</dt>
                      <dd>{email}</dd>
                    </div>
                    <div className="id-fact-row">
                      <dt>{text('app.sessions.started')}</dt>
                      <dd>
                        {format.dateTime(session.startedAt)} <span className="id-muted">({format.relative(session.startedAt, now)})</span>
                      </dd>
                    </div>
                    <div className="id-fact-row">
                      <dt>{text('app.sessions.lastStep')}</dt>
                      <dd>{text(session.lastStepTitle ?? unknownStepKey, { email })}</dd>
                    </div>
                    <div className="id-fact-row">
                      <dt>{text('app.sessions.outcome')}</dt>
                      <dd>{text(session.outcome ? `app.outcome.${session.outcome}` : 'app.sessions.inProgress')}</dd>
                    </div>
                  </dl>
                  <div className="id-actions">
                    <Link className="id-button" to={`/flows/${session.flowId}/steps/${session.lastStepId}?session=${session.id}`}>
                      {text('app.sessions.resume')}
                      <span className="id-visually-hidden"> ({email})</span>
                    </Link>
                    <button
                      type="button"
                      className="id-button id-button--secondary"
                      onClick={() => {
                        sessionRecords.remove(session.id);
                        remove(session.id);
                      }}
                    >
                      {text('app.sessions.delete')}
                      <span className="id-visually-hidden"> ({email})</span>
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
          <button
            type="button"
            className="id-button id-button--warning"
            onClick={() => {
              sessionRecords.removeAll();
              clear();
            }}
          >
            {text('app.sessions.clearAll')}
          </button>
        </>
      )}
    </div>
  );
}

const retentionChoices = [1, 7, 30, 90, 365];

/** How long saved sessions are kept (default 30 days); older ones are pruned when the app loads. */
function RetentionSetting() {
  const text = useText();
  const days = useSettingsStore((state) => state.sessionRetentionDays);
  const setDays = useSettingsStore((state) => state.setSessionRetentionDays);
  const choices = retentionChoices.includes(days) ? retentionChoices : [...retentionChoices, days].sort((a, b) => a - b);
  return (
    <div className="id-field">
      <label htmlFor="id-retention" className="id-label">
        {text('app.sessions.retention.label')}
      </label>
      <p id="id-retention-hint" className="id-hint">
        {text('app.sessions.retention.hint')}
      </p>
      <select
        id="id-retention"
        className="id-select"
        value={days}
        aria-describedby="id-retention-hint"
        onChange={(event) => {
          setDays(Number(event.target.value));
          pruneExpiredSessions(Date.now());
        }}
      >
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {text('app.sessions.retention.days', { count: choice })}
          </option>
        ))}
      </select>
    </div>
  );
}
