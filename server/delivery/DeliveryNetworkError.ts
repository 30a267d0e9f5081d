/**
 * A request that never got an answer (the connection failed or dropped), raised by an adapter
 * where its SDK hides the underlying error. Named so `callProvider` reads it as `network`: a
 * rejected `fetch` is a network failure by the Fetch standard, whatever its message says
 * (undici says "fetch failed", msw and browsers "Failed to fetch").
 */
export class DeliveryNetworkError extends Error {
  override name = 'NetworkingError';

  constructor(cause: unknown) {
    super('The request got no answer.', { cause });
  }
}
