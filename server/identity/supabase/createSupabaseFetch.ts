import { AsyncLocalStorage } from 'node:async_hooks';

/** What the wire showed during one SDK call, which supabase-js's own errors do not carry. */
export interface SupabaseExchange {
  /** The `Retry-After` header of the last answer that had one. */
  retryAfter?: string;
  /** True when `fetch` itself failed (no answer at all): supabase-js reports it as status 0. */
  networkFailed?: boolean;
}

/**
 * A `fetch` for supabase-js that records, per SDK call, the answer's `Retry-After` and whether the
 * connection failed: supabase-js folds both into errors without them (`AuthApiError` has no
 * headers; a refused connection and an unreadable body both become `AuthRetryableFetchError` with
 * status 0). Run each call inside `track` to read them back.
 */
export function createSupabaseFetch(base?: typeof fetch) {
  const storage = new AsyncLocalStorage<SupabaseExchange>();
  const trackedFetch: typeof fetch = async (input, init) => {
    const exchange = storage.getStore();
    try {
      // The global fetch is read per request, so a fetch patched after start-up (a test's interceptor) is used.
      const response = await (base ?? globalThis.fetch)(input, init);
      const retryAfter = response.headers.get('retry-after');
      if (exchange && retryAfter) exchange.retryAfter = retryAfter;
      return response;
    } catch (thrown) {
      if (exchange) exchange.networkFailed = true;
      throw thrown;
    }
  };
  return {
    fetch: trackedFetch,
    track<T>(run: (exchange: SupabaseExchange) => Promise<T>): Promise<T> {
      const exchange: SupabaseExchange = {};
      return storage.run(exchange, () => run(exchange));
    },
  };
}
