import type { ProviderFailure } from '../../providers/mapProviderFailure.ts';

/**
 * `firebase-admin` throws a `FirebaseAuthError` with a `code` (`auth/user-not-found`) and no HTTP
 * status: the SDK has already turned the server's answer into a client code. Known codes map to
 * the status they stand for; an answer the SDK did not recognise arrives as `auth/internal-error`
 * whose message carries the raw server response, from which only the numeric status is taken.
 * Messages are never passed on (the raw response may echo the request), only the code.
 */
export function readFirebaseFailure(thrown: unknown): ProviderFailure | null {
  const code = (thrown as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^(auth|app)\//.test(code)) return null;
  const status = statusByCode[code] ?? (code === 'auth/internal-error' ? rawStatus(thrown) : undefined);
  return { code, ...(status === undefined ? {} : { status }) };
}

const statusByCode: Record<string, number> = {
  'auth/user-not-found': 404,
  'auth/email-already-exists': 409,
  'auth/uid-already-exists': 409,
  'auth/quota-exceeded': 429,
  'auth/too-many-requests': 429,
  'auth/insufficient-permission': 403,
  'auth/invalid-credential': 401,
  'app/invalid-credential': 401,
  'auth/project-not-found': 404,
};

function rawStatus(thrown: unknown): number | undefined {
  const message = (thrown as { message?: unknown }).message;
  const raw = typeof message === 'string' ? /Raw server response: "(.*)"$/s.exec(message)?.[1] : undefined;
  if (!raw) return 500;
  try {
    const status = (JSON.parse(raw) as { error?: { code?: unknown } }).error?.code;
    return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
  } catch {
    return 500;
  }
}
