import type { BackendError } from '../engine/index.ts';
import { describeBackendError } from './describeBackendError.ts';
import { useFormatters } from './useFormatters.ts';
import { useText } from './useText.ts';

interface ErrorMessageProps {
  error: BackendError;
  /** When the call failed (for "try again at HH:MM"). */
  at: number | null;
}

/** A backend error in plain words with what to do next; never a raw message or a stack. */
export function ErrorMessage({ error, at }: ErrorMessageProps) {
  const text = useText();
  const description = describeBackendError(error, at, text, useFormatters());
  return (
    <section className="id-fact id-fact--error" aria-labelledby="id-error-title">
      <h2 className="id-fact-title" id="id-error-title">
        {description.title}
      </h2>
      <p>{description.next}</p>
    </section>
  );
}
