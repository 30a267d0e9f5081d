import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInsights } from '../../../engine/index.ts';
import { useFormattingLocale } from '../../../ui/useFormattingLocale.ts';
import { useText } from '../../../ui/useText.ts';
import type { AppBackend } from '../../appBackend.ts';
import { findFlowSummary } from '../../flowCatalog.ts';
import { insightDays, loadSessionInsights, type LoadedInsights } from './loadSessionInsights.ts';
import { loadStepTitleKeys } from './loadStepTitleKeys.ts';

type State = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; loaded: LoadedInsights; stepTitles: Map<string, string> };

const outcomeKeys = ['resolved', 'escalated', 'notResolved', 'open', 'abandoned'] as const;

/**
 * What wizard sessions teach: how sessions of the last 30 days ended, the steps where people give
 * up, the median time to a resolution and the "did this help?" answers. From the server when there
 * is one (every session an admin may see, a manager's team's), else from this browser's demo sessions.
 */
export function SessionInsightsPanel({ app }: { app: AppBackend }) {
  useTranslation(['insights', 'flows']);
  const text = useText();
  const { i18n } = useTranslation();
  const locale = useFormattingLocale();
  const headingId = useId();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((value) => value + 1);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void (async () => {
      const result = await loadSessionInsights(Date.now(), controller.signal);
      if (controller.signal.aborted) return;
      if (!result.ok) return setState({ status: 'failed' });
      const stepTitles = await loadStepTitleKeys(result.value.insights.dropOffSteps.map((step) => step.flowId));
      if (!controller.signal.aborted) setState({ status: 'ready', loaded: result.value, stepTitles });
    })();
    return () => controller.abort();
  }, [app, attempt]);

  const stepTitle = (flowId: string, stepId: string, titles: Map<string, string>) => {
    const key = titles.get(`${flowId}\u0000${stepId}`);
    return key && hasText(key) ? text(key) : stepId;
  };
  const flowTitle = (flowId: string) => {
    const key = findFlowSummary(flowId)?.title;
    return key && hasText(key) ? text(key) : flowId;
  };
  // A key's first segment is its namespace: flow titles live in `app.catalog.*`, step titles in `flows.*`.
  const hasText = (key: string) => i18n.exists(key, { ns: key.split('.')[0] });

  return (
    <section className="id-insights" aria-labelledby={headingId} aria-busy={state.status === 'loading'}>
      <h2 id={headingId} className="id-insights-title">
        {text('insights.panel.title')}
      </h2>
      <p className="id-insights-lead">{text('insights.panel.lead', { days: insightDays })}</p>
      {state.status === 'loading' && <p role="status">{text('insights.panel.loading')}</p>}
      {state.status === 'failed' && (
        <div role="alert" className="id-insights-failed">
          <p>{text('insights.panel.failed')}</p>
          <button type="button" className="id-button" onClick={retry}>
            {text('insights.panel.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && state.loaded.source === 'browser' && <p className="id-muted">{text('insights.panel.demoNote')}</p>}
      {state.status === 'ready' && state.loaded.insights.sessions.total === 0 && <p>{text('insights.panel.empty')}</p>}
      {state.status === 'ready' && state.loaded.insights.sessions.total > 0 && (
        <InsightsBody insights={state.loaded.insights} stepTitle={(flowId, stepId) => stepTitle(flowId, stepId, state.stepTitles)} flowTitle={flowTitle} language={locale} />
      )}
    </section>
  );
}

interface BodyProps {
  insights: SessionInsights;
  stepTitle(flowId: string, stepId: string): string;
  flowTitle(flowId: string): string;
  language: string;
}

function InsightsBody({ insights, stepTitle, flowTitle, language }: BodyProps) {
  const text = useText();
  const number = new Intl.NumberFormat(language);
  return (
    <div className="id-insights-grid">
      <div className="id-insights-card">
        <h3>{text('insights.panel.outcomes')}</h3>
        <dl className="id-fact-list">
          <div className="id-fact-row">
            <dt>{text('insights.panel.total')}</dt>
            <dd>{number.format(insights.sessions.total)}</dd>
          </div>
          {outcomeKeys.map((key) => (
            <div className="id-fact-row" key={key}>
              <dt>{text(`insights.panel.${key}`)}</dt>
              <dd>{number.format(insights.sessions[key])}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="id-insights-card">
        <h3>{text('insights.panel.median')}</h3>
        <p className="id-insights-median">{insights.medianSecondsToResolution === null ? text('insights.panel.noMedian') : formatDuration(insights.medianSecondsToResolution, language)}</p>
        <h3>{text('insights.panel.feedbackTitle')}</h3>
        {insights.feedback.helpful + insights.feedback.notHelpful === 0 ? (
          <p>{text('insights.panel.noFeedback')}</p>
        ) : (
          <dl className="id-fact-list">
            <div className="id-fact-row">
              <dt>{text('insights.panel.helpful')}</dt>
              <dd>{number.format(insights.feedback.helpful)}</dd>
            </div>
            <div className="id-fact-row">
              <dt>{text('insights.panel.notHelpful')}</dt>
              <dd>{number.format(insights.feedback.notHelpful)}</dd>
            </div>
          </dl>
        )}
      </div>
      <div className="id-insights-card id-insights-wide">
        <h3>{text('insights.panel.dropOffTitle')}</h3>
        {insights.dropOffSteps.length === 0 ? (
          <p>{text('insights.panel.dropOffEmpty')}</p>
        ) : (
          <div className="id-insights-scroll">
            <table className="id-insights-table">
              <caption>{text('insights.panel.dropOffCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{text('insights.panel.step')}</th>
                  <th scope="col">{text('insights.panel.flow')}</th>
                  <th scope="col">{text('insights.panel.sessions')}</th>
                </tr>
              </thead>
              <tbody>
                {insights.dropOffSteps.slice(0, 20).map((step) => (
                  <tr key={`${step.flowId}/${step.stepId}`}>
                    <th scope="row">{stepTitle(step.flowId, step.stepId)}</th>
                    <td>{flowTitle(step.flowId)}</td>
                    <td>{number.format(step.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}

/** Seconds as the reader's language says them: "45 sec", "2.5 min", "1.2 hr". */
function formatDuration(seconds: number, language: string): string {
  const [value, unit] = seconds < 90 ? [seconds, 'second'] : seconds < 5_400 ? [seconds / 60, 'minute'] : [seconds / 3_600, 'hour'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);
}
