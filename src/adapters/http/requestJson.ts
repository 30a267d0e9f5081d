import type { BackendError } from '../../engine/BackendError.ts';
import { err, ok, type Result } from '../../engine/Result.ts';
import type { HttpTransport } from './HttpBackendOptions.ts';
import { mapHttpError } from './mapHttpError.ts';
import { waitUnlessAborted } from '../waitUnlessAborted.ts';

/** One API call. `operation` names it in error messages, which never include URLs or tokens. */
export interface ApiRequest {
  operation: string;
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** A read sent as POST because its input does not fit a query string: retried like a GET. */
  read?: boolean;
}


/**
 * Performs a request and resolves its parsed JSON body or a typed error; never rejects.
 * GETs (and reads sent as POST) are retried with exponential backoff while they fail as
 * unavailable; other POSTs never are, because an action the server may already have performed
 * must not happen twice.
 */
export async function requestJson(transport: HttpTransport, request: ApiRequest, signal?: AbortSignal): Promise<Result<unknown>> {
  const attempts = request.method === 'GET' || request.read ? transport.attempts : 1;
  let result = await attempt(transport, request, signal);
  for (let retry = 1; retry < attempts && isRetryable(result); retry += 1) {
    if (!(await waitUnlessAborted(transport.baseDelayMs * 2 ** (retry - 1), signal))) return err(aborted);
    result = await attempt(transport, request, signal);
  }
  return result;
}

// No message: that is for the server's own words; the cause is translated in every language.
const aborted: BackendError = { kind: 'unavailable', cause: 'aborted' };

/** Only transient failures: timeouts, network errors and 5xx. A 4xx or a malformed body would just repeat. */
function isRetryable(result: Result<unknown>): boolean {
  if (result.ok || result.error.kind !== 'unavailable') return false;
  const { cause, status } = result.error;
  return cause === 'timeout' || cause === 'network' || (cause === 'server' && (status ?? 500) >= 500);
}

async function attempt(transport: HttpTransport, request: ApiRequest, signal?: AbortSignal): Promise<Result<unknown>> {
  if (signal?.aborted) return err(aborted);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, transport.timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const failure = (): BackendError => {
    if (timedOut) return { kind: 'unavailable', cause: 'timeout', message: `${request.operation}: no answer within ${transport.timeoutMs} ms.` };
    if (signal?.aborted) return aborted;
    return { kind: 'unavailable', cause: 'network', message: `${request.operation}: the server could not be reached.` };
  };
  try {
    let response: Response;
    let body: BodyText;
    try {
      response = await transport.fetch(buildUrl(transport.baseUrl, request), {
        method: request.method,
        headers: buildHeaders(transport, request),
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
        // Followed, then checked: a same-origin redirect is fine, another origin is refused below.
        redirect: 'follow',
      });
      if (!sameOrigin(response, transport.baseUrl)) {
        void response.body?.cancel().catch(() => undefined);
        return err({ kind: 'unavailable', cause: 'malformed', status: response.status, message: `${request.operation}: the server redirected to another origin; the answer was refused.` });
      }
      body = await readBodyText(response, transport.maxResponseBytes);
    } catch {
      return err(failure());
    }
    const tooLarge = `${request.operation}: the response was larger than ${describeBytes(transport.maxResponseBytes)}; it was refused.`;
    // An error status still tells its kind (a 429 stays rate_limited) without its oversized body.
    if (!response.ok) return err(mapHttpError(response.status, response.headers, body.tooLarge ? '' : body.text, request.operation, Date.now()));
    if (body.tooLarge) return err({ kind: 'unavailable', cause: 'malformed', status: response.status, message: tooLarge });
    try {
      return ok(JSON.parse(body.text) as unknown);
    } catch {
      return err({ kind: 'unavailable', cause: 'malformed', status: response.status, message: `${request.operation}: the response was not valid JSON.` });
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function buildUrl(baseUrl: string, request: ApiRequest): string {
  const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
  return `${baseUrl}${request.path}${query}`;
}

function buildHeaders(transport: HttpTransport, request: ApiRequest): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = transport.token();
  if (token) headers.authorization = `Bearer ${token}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  return headers;
}

type BodyText = { tooLarge: false; text: string } | { tooLarge: true };

/**
 * The body as text, read chunk by chunk and given up (the stream cancelled) as soon as it passes
 * `limit` bytes, so a huge or endless answer never fills the memory. A declared Content-Length
 * over the limit is refused before anything is read.
 */
async function readBodyText(response: Response, limit: number): Promise<BodyText> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    void response.body?.cancel().catch(() => undefined);
    return { tooLarge: true };
  }
  if (!response.body) {
    // A fetch without streams (some test doubles): the whole text, still checked.
    const text = await response.text();
    return new TextEncoder().encode(text).byteLength > limit ? { tooLarge: true } : { tooLarge: false, text };
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      void reader.cancel().catch(() => undefined);
      return { tooLarge: true };
    }
    text += decoder.decode(value, { stream: true });
  }
  return { tooLarge: false, text: text + decoder.decode() };
}

/**
 * False when the answer came from another origin than `baseUrl`'s (a redirect followed there).
 * A relative `baseUrl` (`''`: the page's own origin) is resolved against the page; a response
 * without a URL (a test double) is taken as it is.
 */
function sameOrigin(response: Response, baseUrl: string): boolean {
  if (!response.url) return true;
  try {
    const base = new URL(baseUrl || '/', typeof location === 'undefined' ? undefined : location.href);
    return new URL(response.url).origin === base.origin;
  } catch {
    return !response.redirected;
  }
}

function describeBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}
