import type { NotSentReason } from './InvitationBackend.ts';

/**
 * Every way a backend call can fail, as a value. The UI maps `kind` to a translated
 * message and a next step; the flow routes on `kind` through an action step's error edges.
 */
export type BackendError =
  | { kind: 'rate_limited'; retryAfterMs: number; message?: string }
  | { kind: 'not_permitted'; message?: string }
  | { kind: 'not_found'; message?: string }
  | { kind: 'deactivated'; message?: string }
  | { kind: 'conflict'; message?: string }
  | { kind: 'unsupported'; message?: string }
  /** The call was understood but its mail could not leave our side (see NotSentReason); nothing was sent. */
  | { kind: 'not_sent'; reason: NotSentReason; retryAfterMs?: number; message?: string }
  | { kind: 'unavailable'; cause: UnavailableCause; status?: number; message?: string };

/** Why a backend could not be reached or could not give a usable answer. */
export type UnavailableCause = 'timeout' | 'network' | 'server' | 'malformed' | 'aborted';

export type BackendErrorKind = BackendError['kind'];

export const backendErrorKinds: readonly BackendErrorKind[] = [
  'rate_limited',
  'not_permitted',
  'not_found',
  'deactivated',
  'conflict',
  'unsupported',
  'not_sent',
  'unavailable',
];

/** True for any value shaped like a {@link BackendError}; used where errors cross `unknown` boundaries. */
export function isBackendError(value: unknown): value is BackendError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { kind?: unknown }).kind === 'string' &&
    (backendErrorKinds as readonly string[]).includes((value as { kind: string }).kind)
  );
}
