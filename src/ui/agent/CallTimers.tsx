import { shallowEqual } from '@xstate/react';
import { useFlowSession } from '../useFlowSession.ts';
import { useFormatters } from '../useFormatters.ts';
import { useFormattingLocale } from '../useFormattingLocale.ts';
import { useNow } from '../useNow.ts';
import { useSessionSelector } from '../useSessionSelector.ts';
import { useText } from '../useText.ts';
import { callTimers } from './callTimers.ts';
import { formatTimeLeft } from './formatTimeLeft.ts';

/** Live countdowns for the call's deadlines; each turns into "passed" when it is due. */
export function CallTimers() {
  const { policy } = useFlowSession();
  const timers = useSessionSelector((snapshot) => callTimers(snapshot.context, policy), sameTimers);
  const now = useNow(1_000);
  const text = useText();
  const format = useFormatters();
  const locale = useFormattingLocale();
  return (
    <section className="id-agent-card id-agent-timers" aria-labelledby="id-agent-timers-title">
      <h2 id="id-agent-timers-title" className="id-agent-card-title">
        {text('agent.timers.title')}
      </h2>
      {timers.length === 0 ? (
        <p className="id-muted">{text('agent.timers.none')}</p>
      ) : (
        <ul className="id-agent-timer-list">
          {timers.map((timer) => {
            const passed = timer.at <= now;
            const label = text(`agent.timers.${timer.id}`);
            return (
              <li key={timer.id} className={`id-agent-timer${passed ? ' id-agent-timer--passed' : ''}`}>
                <span className="id-agent-timer-label">{label}</span>
                <span className="id-agent-timer-value" role="timer" aria-label={label}>
                  {passed ? text('agent.timers.passed') : formatTimeLeft(timer.at - now, locale)}
                </span>
                <time className="id-agent-timer-at" dateTime={new Date(timer.at).toISOString()}>
                  {text(passed ? 'agent.timers.wasAt' : 'agent.timers.at', { time: format.dateTime(timer.at) })}
                </time>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function sameTimers(a: ReturnType<typeof callTimers>, b: ReturnType<typeof callTimers>): boolean {
  return a.length === b.length && a.every((timer, index) => shallowEqual(timer, b[index]));
}
