import type { BackendError } from '../engine/index.ts';
import { BackendMessage } from './BackendMessage.tsx';
import { describeBackendError } from './describeBackendError.ts';
import { useFormatters } from './useFormatters.ts';
import { useText } from './useText.ts';

interface ErrorMessageProps {
  error: BackendError;
  /** When the call failed (for "allowed again at HH:MM"). */
  at: number | null;
}

/**
 * A backend error in plain words with what to do next, and beside it the backend's own message
 * as bounded text (BackendMessage); never a stack. Shown on
 * a step the flow routed the error to, which has no Try again and no Continue without it, so
 * its advice points at neither (the failed screen, which has both, is ActionStep's).
 */
export function ErrorMessage({ error, at }: ErrorMessageProps) {
  const text = useText();
  const description = describeBackendError(error, at, text, useFormatters(), 'step');
  return (
    <section className="id-fact id-fact--error" aria-labelledby="id-error-title">
      <h2 className="id-fact-title" id="id-error-title">
        {description.title}
      </h2>
      <p>{description.next}</p>
      {error.message && <BackendMessage message={error.message} />}
    </section>
  );
}
