import type { BackendError } from '../engine/index.ts';
import type { Formatters } from './createFormatters.ts';
import type { Translate } from './itTicketText.ts';

export interface ErrorDescription {
  /** What happened, in plain words. */
  title: string;
  /** What the person can do about it. */
  next: string;
}

/** The translation key stem of an error: its kind, and for `unavailable` its cause. */
export function errorKey(error: BackendError): string {
  return error.kind === 'unavailable' ? `unavailable_${error.cause}` : error.kind;
}

/**
 * A backend error as a person should read it. `at` is when the call failed; a rate limit says
 * the time of day when trying again makes sense.
 */
export function describeBackendError(error: BackendError, at: number | null, text: Translate, format: Formatters): ErrorDescription {
  const key = `app.errors.${errorKey(error)}`;
  const retryAt = error.kind === 'rate_limited' ? (at ?? Date.now()) + error.retryAfterMs : null;
  return { title: text(`${key}.title`), next: text(`${key}.next`, { time: format.time(retryAt) }) };
}
