import type { BackendError } from '../../src/engine/BackendError.ts';
import { err, ok, type Result } from '../../src/engine/Result.ts';
import { mapProviderFailure, type ProviderFailure } from './mapProviderFailure.ts';

export interface ProviderCallOptions {
  /** The provider as its operator would name it, for messages. */
  providerName: string;
  /** How long the call may take. */
  timeoutMs: number;
  /** The caller's signal (a closed request). */
  signal?: AbortSignal | undefined;
  clock?: () => number;
  /**
   * Pulls status, Retry-After, code and message out of the SDK's own error type; `null` when the
   * thrown value is not a provider answer (then it is read as a network failure or a malformed body).
   */
  readFailure(thrown: unknown): ProviderFailure | null;
}

/** Thrown by a `run` callback to answer with a typed error (a provider answer the adapter recognised). */
export class ProviderRefusal extends Error {
  constructor(readonly error: BackendError) {
    super(error.message ?? error.kind);
  }
}

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

function isNetworkFailure(thrown: unknown): boolean {
  for (let current: unknown = thrown, depth = 0; current && depth < 5; depth++) {
    const value = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
    if (typeof value.code === 'string' && networkCodes.has(value.code)) return true;
    // undici says "fetch failed"; other fetch implementations (and msw's network errors) "Failed to fetch" or "Network error".
    if (value.name === 'TypeError' && typeof value.message === 'string' && /^(fetch failed|failed to fetch|network ?error)/i.test(value.message)) return true;
    if (value.name === 'FetchError' || value.name === 'NetworkingError') return true;
    current = value.cause;
  }
  return false;
}

/**
 * Runs one provider call with a timeout and the caller's signal, and turns whatever the SDK throws
 * into the contract's typed error: a provider answer through `mapProviderFailure`, our timeout as
 * `unavailable`/`timeout`, the caller's abort as `aborted`, a failed connection as `network`, and
 * anything else (a body the SDK could not read, a shape we did not expect) as `malformed`.
 * `run` receives a signal to pass to the SDK where it takes one.
 */
export async function callProvider<T>(options: ProviderCallOptions, run: (signal: AbortSignal) => Promise<T>): Promise<Result<T>> {
  const clock = options.clock ?? Date.now;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('timeout'));
  }, options.timeoutMs);
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (options.signal?.aborted) return err({ kind: 'unavailable', cause: 'aborted', message: 'The request was cancelled.' });
    const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
    // Some SDKs ignore signals: the race makes the timeout hold for them too.
    return ok(await Promise.race([run(controller.signal), aborted]));
  } catch (thrown) {
    if (thrown instanceof ProviderRefusal) return err(thrown.error);
    if (timedOut) return err({ kind: 'unavailable', cause: 'timeout', message: `${options.providerName} did not answer within ${Math.round(options.timeoutMs / 1000)} s. Nothing is known to have changed; try again in a moment.` });
    if (options.signal?.aborted) return err({ kind: 'unavailable', cause: 'aborted', message: 'The request was cancelled.' });
    const failure = options.readFailure(thrown);
    if (failure && (failure.status !== undefined || failure.code !== undefined)) return err(mapProviderFailure(options.providerName, failure, clock()));
    if (isNetworkFailure(thrown)) return err({ kind: 'unavailable', cause: 'network', message: `The server could not reach ${options.providerName}. Check its network and the provider's status, then try again.` });
    return err({ kind: 'unavailable', cause: 'malformed', message: `${options.providerName} answered with something the server could not read. Try again; if it persists, the provider's API may have changed.` });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
