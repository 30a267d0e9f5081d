import { useEffect, useRef } from 'react';
import type { WaitStep as WaitStepData } from '../engine/index.ts';
import { FactsPanel } from './FactsPanel.tsx';
import { formatCountdown } from './formatCountdown.ts';
import { StepHeading } from './StepHeading.tsx';
import { useFlowSession } from './useFlowSession.ts';
import { useFormatters } from './useFormatters.ts';
import { useFormattingLocale } from './useFormattingLocale.ts';
import { useNow } from './useNow.ts';
import { useSessionSelector } from './useSessionSelector.ts';
import { useStepParams } from './useStepParams.ts';
import { useText } from './useText.ts';

/**
 * A wait with a live countdown to `context.waitDeadline` (so it survives a reload). The clock
 * ticks visually every second; it is announced when the wait starts and when a new minute begins.
 */
export function WaitStep({ step }: { step: WaitStepData }) {
  const { actor, announce } = useFlowSession();
  const deadline = useSessionSelector((snapshot) => snapshot.context.waitDeadline);
  const canSkip = useSessionSelector((snapshot) => snapshot.can({ type: 'wait.skip' }));
  const now = useNow(1_000);
  const text = useText();
  const locale = useFormattingLocale();
  const params = useStepParams();
  const format = useFormatters();
  const remaining = deadline === null ? 0 : Math.max(0, deadline - now);
  const minutesLeft = Math.ceil(remaining / 60_000);

  // Announced when the wait starts and when a new minute begins, never every second.
  const title = text(step.title, params);
  const announced = useRef<number | null>(null);
  useEffect(() => {
    if (announced.current === minutesLeft || minutesLeft === 0) return;
    const left = text('app.wait.minutesLeft', { count: minutesLeft });
    announce(announced.current === null ? `${title}. ${left}` : left);
    announced.current = minutesLeft;
  }, [minutesLeft, announce, text, title]);

  return (
    <div className="id-step">
      <StepHeading>{title}</StepHeading>
      {step.body && <p className="id-body">{text(step.body, params)}</p>}
      <FactsPanel facts={step.facts} />
      <div className="id-countdown">
        <p className="id-countdown-time" role="timer" aria-label={text('app.wait.timeLeft')}>
          {formatCountdown(remaining, text('app.wait.moreThanADay'), locale)}
        </p>
        <p className="id-muted">{text('app.wait.until', { time: format.time(deadline) })}</p>
      </div>
      {canSkip && (
        <button type="button" className="id-button" onClick={() => actor.send({ type: 'wait.skip' })}>
          {text('app.wait.skip')}
        </button>
      )}
    </div>
  );
}
