import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useText } from '../../ui/useText.ts';
import { pageSessionEventSink } from './pageSessionEventSink.ts';

/** The sessions already answered, in this browser (random session ids only). */
export const answeredFeedbackKey = 'invite-doctor:session-feedback';
const maxRemembered = 200;

export interface SessionFeedbackProps {
  sessionId: string;
  flowId: string;
  mode: 'admin' | 'agent';
}

/**
 * "Did this help?" at the end of a session: Yes / No, then a thank-you that takes focus and is
 * announced. Answered once per session: the answer is reported as a `feedback` event and the
 * session is remembered, so the question does not come back after a reload.
 */
export function SessionFeedback({ sessionId, flowId, mode }: SessionFeedbackProps) {
  useTranslation(['insights']);
  const text = useText();
  const headingId = useId();
  const [state, setState] = useState<'asking' | 'thanked' | 'answeredBefore'>(() => (answeredSessions().includes(sessionId) ? 'answeredBefore' : 'asking'));
  const thanks = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state === 'thanked') thanks.current?.focus();
  }, [state]);

  const answer = (helpful: boolean) => {
    if (state !== 'asking') return;
    pageSessionEventSink().add([{ sessionId, flowId, kind: 'feedback', at: new Date().toISOString(), helpful, mode }]);
    rememberAnswered(sessionId);
    setState('thanked');
  };

  return (
    <section className="id-feedback" aria-labelledby={headingId}>
      <h2 id={headingId} className="id-feedback-question">
        {text('insights.feedback.question')}
      </h2>
      {state === 'asking' ? (
        <div className="id-actions" role="group" aria-labelledby={headingId}>
          <button type="button" className="id-button" onClick={() => answer(true)}>
            {text('insights.feedback.yes')}
          </button>
          <button type="button" className="id-button" onClick={() => answer(false)}>
            {text('insights.feedback.no')}
          </button>
        </div>
      ) : null}
      <p ref={thanks} role="status" tabIndex={-1} className="id-feedback-thanks">
        {state === 'thanked' ? text('insights.feedback.thanks') : state === 'answeredBefore' ? text('insights.feedback.answered') : ''}
      </p>
    </section>
  );
}

function answeredSessions(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(answeredFeedbackKey) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function rememberAnswered(sessionId: string): void {
  try {
    localStorage.setItem(answeredFeedbackKey, JSON.stringify([...answeredSessions().filter((id) => id !== sessionId), sessionId].slice(-maxRemembered)));
  } catch {
    // A full storage: the question may come back after a reload, which is harmless.
  }
}
