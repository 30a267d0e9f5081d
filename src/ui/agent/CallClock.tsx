import { useFormattingLocale } from '../useFormattingLocale.ts';
import { useNow } from '../useNow.ts';
import { useSessionSelector } from '../useSessionSelector.ts';
import { useText } from '../useText.ts';
import { formatElapsed } from './formatElapsed.ts';

/** Call time, `mm:ss` since the session started, ticking every second. */
export function CallClock() {
  const startedAt = useSessionSelector((snapshot) => snapshot.context.startedAt);
  const now = useNow(1_000);
  const text = useText();
  const locale = useFormattingLocale();
  return (
    <p className="id-agent-clock">
      <span className="id-agent-clock-label">{text('agent.call.elapsed')}</span>{' '}
      <span role="timer" aria-label={text('agent.call.elapsed')} className="id-agent-clock-time">
        {formatElapsed(now - startedAt, locale)}
      </span>
    </p>
  );
}
