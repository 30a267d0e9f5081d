import type { BackendError } from '../engine/index.ts';
import type { Formatters } from './createFormatters.ts';
import type { Translate } from './itTicketText.ts';

export interface ErrorDescription {
  /** What happened, in plain words. */
  title: string;
  /** What the person can do about it, with the buttons of the screen it is shown on. */
  next: string;
}

/**
 * Where an error is shown, which decides what its advice may point at:
 * - `failed-screen`: an action step's failed screen, with Try again and Continue without it;
 * - `step`: a step the flow routed the error to (its `error` fact), which has neither button.
 */
export type ErrorShownOn = 'failed-screen' | 'step';

/** The translation key stem of an error: its kind, and for `unavailable` its cause. */
export function errorKey(error: BackendError): string {
  return error.kind === 'unavailable' ? `unavailable_${error.cause}` : error.kind;
}

/** The key of an error's advice where it is shown: `….next` on the failed screen, `….nextOnStep` elsewhere. */
export function errorAdviceKey(error: BackendError, shownOn: ErrorShownOn): string {
  return `app.errors.${errorKey(error)}.${shownOn === 'failed-screen' ? 'next' : 'nextOnStep'}`;
}

/** From this wait on, a time of day would be read as today's: the advice says "more than a day". */
const dayMs = 86_400_000;

/**
 * A backend error as a person should read it. `at` is when the call failed; `not_sent` says its
 * reason first ("No outgoing mail server is set up."); a rate limit says
 * the time of day when trying again makes sense, or "more than a day" when the wait is longer
 * (a wait that is not a number or negative counts as none).
 */
export function describeBackendError(error: BackendError, at: number | null, text: Translate, format: Formatters, shownOn: ErrorShownOn): ErrorDescription {
  const title = text(`app.errors.${errorKey(error)}.title`);
  // Mail that never left our side: why, in plain words, then what to do about it.
  if (error.kind === 'not_sent') return { title, next: `${text(`app.errors.not_sent.reasons.${error.reason}`)} ${text(errorAdviceKey(error, shownOn))}` };
  if (error.kind !== 'rate_limited') return { title, next: text(errorAdviceKey(error, shownOn), { time: format.time(null) }) };
  const wait = Number.isFinite(error.retryAfterMs) ? Math.max(0, error.retryAfterMs) : error.retryAfterMs > 0 ? Infinity : 0;
  if (wait > dayMs) return { title, next: text(`${errorAdviceKey(error, shownOn)}Later`) };
  const from = at !== null && Number.isFinite(at) ? at : Date.now();
  return { title, next: text(errorAdviceKey(error, shownOn), { time: format.time(from + wait) }) };
}
