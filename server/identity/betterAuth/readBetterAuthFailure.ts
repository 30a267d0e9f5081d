import type { ProviderFailure } from '../../providers/mapProviderFailure.ts';

/**
 * Status, code and a safe message out of what better-auth or its database throws: better-auth's
 * `APIError` (`statusCode`, `body.code`), or a PostgreSQL error (a five-character SQLSTATE, from `pg`
 * or PGlite). `null` for anything else, which `callProvider` reads as a network failure (pg's
 * ECONNREFUSED and friends) or a malformed answer. Database messages are not passed on: they can
 * quote row values (addresses).
 */
export function readBetterAuthFailure(thrown: unknown): ProviderFailure | null {
  if (typeof thrown !== 'object' || thrown === null) return null;
  const value = thrown as { statusCode?: unknown; body?: { code?: unknown; message?: unknown } | null; code?: unknown; name?: unknown };
  if (typeof value.statusCode === 'number' && value.name === 'APIError') {
    const code = typeof value.body?.code === 'string' ? value.body.code : undefined;
    return { status: value.statusCode, ...(code ? { code } : {}) };
  }
  if (typeof value.code === 'string' && /^[0-9A-Z]{5}$/.test(value.code)) {
    // SQLSTATE class 28: the database refused our credentials.
    if (value.code.startsWith('28')) return { status: 401, code: value.code };
    if (value.code === '42P01' || value.code === '42703') {
      return { code: value.code, message: 'the database lacks a table or column of better-auth or its organization plugin; run your app\'s better-auth migrations' };
    }
    return { code: value.code };
  }
  return null;
}
