import type { FastifyRequest } from 'fastify';

/** Query parameters of our API whose values are no secret; anything else a client sends is redacted. */
const plainQueryParameters = new Set(['email', 'status', 'domain', 'q', 'limit', 'target', 'since', 'until']);

/**
 * A request as it appears in the log: method, path, and the query with only our known plain
 * parameters readable, and an invite link's token replaced. A client that puts a key or a token
 * into the URL by mistake does not get it written to the log.
 */
export function serializeRequestForLog(request: FastifyRequest): { method: string; url: string; remoteAddress: string } {
  const [rawPath = '', query] = request.url.split('?', 2);
  // An invite page's address is its token: never logged.
  const path = rawPath.replace(/^\/invite\/[^/]*/i, '/invite/[redacted]');
  let url = path;
  if (query !== undefined) {
    const params = new URLSearchParams(query);
    const shown = [...params].map(([name, value]) => `${encodeURIComponent(name)}=${plainQueryParameters.has(name) ? encodeURIComponent(value) : '[redacted]'}`);
    url = `${path}?${shown.join('&')}`;
  }
  return { method: request.method, url, remoteAddress: request.ip };
}
