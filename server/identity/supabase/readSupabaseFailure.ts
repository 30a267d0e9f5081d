import { isAuthError } from '@supabase/supabase-js';
import type { ProviderFailure } from '../../providers/mapProviderFailure.ts';

/**
 * Status, code and message out of supabase-js's `AuthError` family. Status 0 means no HTTP answer
 * (a failed connection or a body that was not JSON): `null`, so `callProvider` reads it as a
 * network failure or a malformed answer. GoTrue's messages hold no secret (no token, no link).
 */
export function readSupabaseFailure(thrown: unknown): ProviderFailure | null {
  if (!isAuthError(thrown)) return null;
  const status = typeof thrown.status === 'number' && thrown.status > 0 ? thrown.status : undefined;
  if (status === undefined) return null;
  return {
    status,
    ...(typeof thrown.code === 'string' ? { code: thrown.code } : {}),
    ...(thrown.message ? { message: thrown.message.slice(0, 200) } : {}),
  };
}
