import type { FastifyInstance } from 'fastify';
import { sendInvalid } from './sendResult.ts';

/** The first value PostgreSQL cannot take, in words, or null. A loop, not recursion: a body may nest thousands deep. */
function findUnstorable(value: unknown): string | null {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return 'The request contains a NUL character (U+0000), which no field accepts.';
    } else if (typeof item === 'number') {
      if (!Number.isFinite(item)) return 'The request contains a number too large to be one (for example 1e309).';
    } else if (Array.isArray(item)) {
      pending.push(...item);
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, entry] of Object.entries(item)) pending.push(key, entry);
    }
  }
  return null;
}

/**
 * Values that pass the route's schema yet make PostgreSQL refuse the query, which answered 503 as
 * if the server were down: U+0000 in any string (a user id, a search, a cursor; text cannot hold
 * it), and a number that is not finite (ajv coerces `limit=1e309` to Infinity and then skips
 * `minimum`/`maximum`). No field of the API accepts either, so they are a 400 before any route runs.
 */
export function refuseUnstorableValues(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    const problem = findUnstorable(request.params) ?? findUnstorable(request.query) ?? findUnstorable(request.body);
    if (problem) return sendInvalid(reply, problem);
  });
}
