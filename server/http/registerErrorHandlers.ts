import type { FastifyError, FastifyInstance } from 'fastify';

/**
 * Every failure answers `{ error: { kind, message } }`. Bad requests get the 4xx that names the
 * problem (Fastify's own codes for bodies and validation mapped to our kinds); only a fault of
 * the server itself is a 5xx, and it is logged with the request id, never shown in detail.
 */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: { kind: 'not_found', message: `No such endpoint: ${request.method} ${request.url.split('?')[0]}.` } });
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      return reply.code(400).send({ error: { kind: 'invalid_request', message: `Invalid request: ${error.message}.` } });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send({ error: { kind: 'payload_too_large', message: 'The request body is too large (at most 64 KB).' } });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.code(415).send({ error: { kind: 'unsupported_media_type', message: 'Send the body as JSON (Content-Type: application/json).' } });
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        // Fastify's own message hides the poisoning case behind "not valid JSON".
        return reply.code(400).send({ error: { kind: 'invalid_request', message: 'The body is not valid JSON, or it has a __proto__ or constructor.prototype key (refused: prototype poisoning); send a plain JSON object.' } });
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.code(400).send({ error: { kind: 'invalid_request', message: 'The body is empty; send a JSON object.' } });
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return reply.code(400).send({ error: { kind: 'invalid_request', message: 'The Content-Length does not match the body.' } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx (for example a body that is not valid JSON): keep the status, name the problem.
      return reply.code(status).send({ error: { kind: 'invalid_request', message: error.message } });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(503).send({ error: { kind: 'unavailable', cause: 'server', message: 'The server could not complete the request; nothing was changed. Try again in a moment.' } });
  });
}
