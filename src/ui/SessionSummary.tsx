import type { FactName, OutcomeResult } from '../engine/index.ts';
import { describeTranscriptEntry, type TranscriptWords } from './describeTranscriptEntry.ts';
import { FactsPanel } from './FactsPanel.tsx';
import { Transcript } from './Transcript.tsx';
import { useFlowSession } from './useFlowSession.ts';
import { useFormatters } from './useFormatters.ts';
import { useSessionSelector } from './useSessionSelector.ts';
import { useStepParams } from './useStepParams.ts';
import { useText } from './useText.ts';
import { CopyButton } from './CopyButton.tsx';

const summaryFacts: FactName[] = ['user', 'delivery', 'resend', 'passwordReset', 'invited'];

/**
 * The end of a session: the outcome, what the backend reported, and everything that happened
 * with its time, plus a plain-text copy to paste into a ticket.
 */
export function SessionSummary({ result, outcomeTitle, shownFacts }: { result: OutcomeResult; outcomeTitle: string; shownFacts: readonly FactName[] }) {
  const { flow } = useFlowSession();
  const context = useSessionSelector((snapshot) => snapshot.context);
  const text = useText();
  const params = useStepParams();
  const format = useFormatters();
  const words: TranscriptWords = { flow, text, params, format };
  const known = summaryFacts.filter((name) => !shownFacts.includes(name) && context.facts[name as keyof typeof context.facts] !== undefined);

  const plain = [
    `${text('app.name')}: ${text(flow.title)}`,
    `${text('app.summary.outcome')}: ${text(`app.outcome.${result}`)} (${outcomeTitle})`,
    `${text('app.summary.address')}: ${params.email}`,
    `${text('app.summary.started')}: ${format.dateTime(context.startedAt)}`,
    '',
    `${text('app.summary.history')}:`,
    ...context.transcript.map((entry) => `${format.time(entry.at)}  ${describeTranscriptEntry(entry, words)}`),
  ].join('\n');

  return (
    <section className="id-summary" aria-labelledby="id-summary-title">
      <h2 id="id-summary-title">{text('app.summary.title')}</h2>
      <dl className="id-fact-list">
        <div className="id-fact-row">
          <dt>{text('app.summary.outcome')}</dt>
          <dd>{text(`app.outcome.${result}`)}</dd>
        </div>
        <div className="id-fact-row">
          <dt>{text('app.summary.address')}</dt>
          <dd>{params.email}</dd>
        </div>
        <div className="id-fact-row">
          <dt>{text('app.summary.started')}</dt>
          <dd>{format.dateTime(context.startedAt)}</dd>
        </div>
      </dl>
      <FactsPanel facts={known} />
      <h3>{text('app.summary.history')}</h3>
      <Transcript entries={context.transcript} words={words} />
      <div className="id-actions">
        <CopyButton value={plain} label={text('app.summary.copy')} />
      </div>
    </section>
  );
}
