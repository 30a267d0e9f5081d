import type { FastifyReply } from 'fastify';
import type { BackendError } from '../../src/engine/BackendError.ts';
import type { Result } from '../../src/engine/Result.ts';

/** Longest Retry-After we ever send: a day. A client told to wait longer would have given up anyway. */
const maxRetryAfterSeconds = 86_400;

/** The wire form of a typed error: the status a generic HTTP client understands, the kind for ours. */
export function sendError(reply: FastifyReply, error: BackendError): FastifyReply {
  const message = error.message ?? error.kind;
  switch (error.kind) {
    case 'rate_limited': {
      const retryAfterMs = Math.min(Math.max(0, Math.ceil(error.retryAfterMs)), maxRetryAfterSeconds * 1000);
      const seconds = Math.min(Math.max(1, Math.ceil(retryAfterMs / 1000)), maxRetryAfterSeconds);
      return reply.code(429).header('retry-after', String(seconds)).send({ error: { kind: error.kind, message, retryAfterMs } });
    }
    case 'not_permitted':
      return reply.code(403).send({ error: { kind: error.kind, message } });
    case 'not_found':
      return reply.code(404).send({ error: { kind: error.kind, message } });
    case 'deactivated':
    case 'conflict':
      return reply.code(409).send({ error: { kind: error.kind, message } });
    case 'unsupported':
      return reply.code(501).send({ error: { kind: error.kind, message } });
    case 'not_sent': {
      // Our own mail side refused the message: a gateway problem, not the client's fault.
      const retryAfterMs = error.retryAfterMs === undefined ? undefined : Math.min(Math.max(0, Math.ceil(error.retryAfterMs)), maxRetryAfterSeconds * 1000);
      if (retryAfterMs !== undefined) reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
      return reply.code(502).send({ error: { kind: error.kind, reason: error.reason, message, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) } });
    }
    case 'unavailable':
      return reply.code(error.status ?? (error.cause === 'timeout' ? 504 : 503)).send({ error: { kind: error.kind, cause: error.cause, message } });
  }
}

/** Sends a result: the value (wrapped) with `status`, or the error. */
export function sendResult<T>(reply: FastifyReply, result: Result<T>, wrap: (value: T) => unknown = (value) => value, status = 200): FastifyReply {
  return result.ok ? reply.code(status).send(wrap(result.value)) : sendError(reply, result.error);
}

/** A 400 naming what is wrong with the request. */
export function sendInvalid(reply: FastifyReply, message: string): FastifyReply {
  return reply.code(400).send({ error: { kind: 'invalid_request', message } });
}
