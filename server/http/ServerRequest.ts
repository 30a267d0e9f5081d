import type { ActionCaller } from '../service/runAction.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the API-key check on every `/v1` route but sign-in; absent on public routes. */
    caller: ActionCaller | null;
    /** The key's label and expiry, for `GET /v1/me`. */
    keyInfo: { label: string; expiresAt: string | null } | null;
  }
}

/** The authenticated caller of a `/v1` route (the auth hook has already refused anyone else). */
export function callerOf(request: { caller: ActionCaller | null }): ActionCaller {
  if (!request.caller) throw new Error('route reached without an authenticated caller');
  return request.caller;
}
