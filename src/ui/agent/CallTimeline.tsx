import { useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptEntry } from '../../engine/index.ts';
import { describeTranscriptEntry, type TranscriptWords } from '../describeTranscriptEntry.ts';
import { useFlowSession } from '../useFlowSession.ts';
import { useFormatters } from '../useFormatters.ts';
import { useFormattingLocale } from '../useFormattingLocale.ts';
import { useSessionSelector } from '../useSessionSelector.ts';
import { useStepParams } from '../useStepParams.ts';
import { useText } from '../useText.ts';
import { formatElapsed } from './formatElapsed.ts';

/**
 * The call as it happened, from the session transcript: steps, answers, backend calls with their
 * result and how long they took, errors, notes. Newest at the bottom, scrolled into view; a `log`
 * region, so new lines are announced politely.
 */
export function CallTimeline() {
  const { flow } = useFlowSession();
  const transcript = useSessionSelector((snapshot) => snapshot.context.transcript);
  const startedAt = useSessionSelector((snapshot) => snapshot.context.startedAt);
  const text = useText();
  const params = useStepParams();
  const format = useFormatters();
  const { i18n } = useTranslation();
  const locale = useFormattingLocale();
  const took = useMemo(() => new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short' }), [locale]);
  const words: TranscriptWords = { flow, text, params, format };
  const scroller = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [transcript.length]);

  const detail = (entry: TranscriptEntry, index: number): string | null => {
    if (entry.type === 'result' || entry.type === 'error') {
      const call = transcript.slice(0, index).findLast((candidate) => candidate.type === 'call' && candidate.action === entry.action);
      return call ? took.format(Math.max(0, entry.at - call.at)) : null;
    }
    if (entry.type === 'entry' && entry.detail?.category) {
      const key = `app.delivery.categories.${entry.detail.category}`;
      const category = i18n.exists(key, { ns: 'app' }) ? text(key) : entry.detail.category;
      return entry.detail.code ? `${category}, ${entry.detail.code}` : category;
    }
    return null;
  };

  return (
    <section className="id-agent-card id-agent-timeline" aria-labelledby="id-agent-timeline-title">
      <h2 id="id-agent-timeline-title" className="id-agent-card-title">
        {text('agent.timeline.title')}
      </h2>
      <div ref={scroller} className="id-agent-log" role="log" aria-labelledby="id-agent-timeline-title" tabIndex={0}>
        <ol>
          {transcript.map((entry, index) => {
            const extra = detail(entry, index);
            return (
              <li key={index} className={`id-agent-log-entry id-agent-log-entry--${entry.type}`}>
                <time dateTime={new Date(entry.at).toISOString()} title={format.time(entry.at)}>
                  {formatElapsed(entry.at - startedAt, locale)}
                </time>
                <span>
                  {describeTranscriptEntry(entry, words)}
                  {extra && <span className="id-muted"> · {extra}</span>}
                </span>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
