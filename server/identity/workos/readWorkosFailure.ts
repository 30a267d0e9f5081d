import type { ProviderFailure } from '../../providers/mapProviderFailure.ts';

/** WorkOS's answers to an invitation for an address it already has (a pending invitation, a member). */
const duplicateCodes = /already|exists|duplicate/i;

interface WorkosErrorLike {
  name?: unknown;
  status?: unknown;
  code?: unknown;
  message?: unknown;
  retryAfter?: unknown;
  rawData?: { code?: unknown; message?: unknown } | null;
}

/**
 * Status, Retry-After, code and message of a WorkOS exception (`UnauthorizedException`,
 * `NotFoundException`, `RateLimitExceededException` with `retryAfter`, `GenericServerException`
 * with `rawData`, …). A `ParseError` (a body that was not JSON) and anything without a status read
 * as `null`, so `callProvider` reports them as malformed or as a network failure.
 */
export function readWorkosFailure(thrown: unknown): ProviderFailure | null {
  if (typeof thrown !== 'object' || thrown === null) return null;
  const error = thrown as WorkosErrorLike;
  if (error.name === 'ParseError' || typeof error.status !== 'number') return null;
  const code = typeof error.code === 'string' ? error.code : typeof error.rawData?.code === 'string' ? error.rawData.code : undefined;
  const retryAfter = typeof error.retryAfter === 'number' || typeof error.retryAfter === 'string' ? error.retryAfter : null;
  return {
    status: error.status,
    retryAfter,
    ...(code ? { code } : {}),
    ...(typeof error.message === 'string' && error.message ? { message: error.message } : {}),
  };
}

/** True for WorkOS refusing an invitation because the address already has one or is already a member. */
export function isWorkosDuplicate(thrown: unknown): boolean {
  const failure = readWorkosFailure(thrown);
  return !!failure && [400, 409, 422].includes(failure.status ?? 0) && duplicateCodes.test(failure.code ?? '');
}
