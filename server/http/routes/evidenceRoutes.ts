import type { FastifyInstance } from 'fastify';
import { parseEvidenceAddresses } from '../../../src/adapters/parseEvidenceAddresses.ts';
import type { ServerBackend } from '../../service/ServerBackend.ts';
import { sendInvalid, sendResult } from '../sendResult.ts';
import { callerOf } from '../ServerRequest.ts';

/**
 * `POST /v1/evidence` with `{ emails: [...] }` (1–200 addresses): each distinct address's delivery
 * and link events, in the order asked, as `{ evidence: [{ email, deliveryEvents, linkEvents }] }`.
 * A POST because 200 addresses do not fit a query string; it changes nothing. The list is checked
 * here rather than by the schema so that a 400 names the problem in the API's own words (which
 * entry is not an address, how many were sent); an address the caller may not see has empty lists.
 */
export function registerEvidenceRoutes(app: FastifyInstance, backend: ServerBackend): void {
  app.post<{ Body: { emails?: unknown } }>('/v1/evidence', { schema: { body: { type: 'object' } } }, async (request, reply) => {
    if (request.body.emails === undefined) return sendInvalid(reply, 'The body needs "emails": a list of 1 to 200 addresses.');
    const emails = parseEvidenceAddresses(request.body.emails);
    if (!emails.ok) return sendInvalid(reply, emails.error.message ?? 'The list of addresses is not valid.');
    return sendResult(reply, await backend.invitationEvidence(callerOf(request).principal, emails.value), (evidence) => ({ evidence }));
  });
}
