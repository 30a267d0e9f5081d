/** Why the server did not sign the person in; each kind has its own message on the sign-in page. */
export type SignInProblem =
  | { kind: 'refused' }
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'unreachable' }
  | { kind: 'unexpected'; status: number };

export type SignInResult = { ok: true; body: unknown } | { ok: false; problem: SignInProblem };

export interface SignInRequest {
  baseUrl: string;
  method: 'GET' | 'POST';
  path: '/v1/me' | '/v1/sign-in';
  /** The key to check; the code exchange sends none. */
  key?: string;
  body?: unknown;
  timeoutMs?: number;
}

/**
 * One request of the sign-in page, resolved to the body or a {@link SignInProblem}; never rejects.
 * A 5xx counts as unreachable: it is what the dev server's proxy answers when the server is down.
 */
export async function requestSignIn({ baseUrl, method, path, key, body, timeoutMs = 10_000 }: SignInRequest): Promise<SignInResult> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: controller.signal });
    const text = await response.text();
    if (response.status === 401 || response.status === 403) return { ok: false, problem: { kind: 'refused' } };
    if (response.status === 429) return { ok: false, problem: { kind: 'rate_limited', retryAfterMs: retryAfterMs(response.headers.get('retry-after')) } };
    if (response.status >= 500) return { ok: false, problem: { kind: 'unreachable' } };
    if (!response.ok) return { ok: false, problem: { kind: 'unexpected', status: response.status } };
    try {
      return { ok: true, body: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, problem: { kind: 'unexpected', status: response.status } };
    }
  } catch {
    return { ok: false, problem: { kind: 'unreachable' } };
  } finally {
    clearTimeout(timer);
  }
}

/** `Retry-After` in seconds or as an HTTP date; a minute when missing or unreadable. */
function retryAfterMs(header: string | null): number {
  if (header && /^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = header ? Date.parse(header) : NaN;
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : 60_000;
}
