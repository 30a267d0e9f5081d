import type { FastifyRequest } from 'fastify';

/** Query parameters of our API whose values are no secret; anything else a client sends is redacted. */
const plainQueryParameters = new Set(['email', 'status', 'domain', 'q', 'limit', 'target', 'since', 'until']);

/**
 * A request as it appears in the log: method, path, and the query with only our known plain
 * parameters readable. A client that puts a key or a token into the URL by mistake does not get
 * it written to the log.
 */
export function serializeRequestForLog(request: FastifyRequest): { method: string; url: string; remoteAddress: string } {
  const [path = '', query] = request.url.split('?', 2);
  let url = path;
  if (query !== undefined) {
    const params = new URLSearchParams(query);
    const shown = [...params].map(([name, value]) => `${encodeURIComponent(name)}=${plainQueryParameters.has(name) ? encodeURIComponent(value) : '[redacted]'}`);
    url = `${path}?${shown.join('&')}`;
  }
  return { method: request.method, url, remoteAddress: request.ip };
}
