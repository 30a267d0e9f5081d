import type { FastifyInstance } from 'fastify';
import { allCapabilities, type Capability } from '../../../src/engine/InvitationBackend.ts';

/**
 * What this server does not offer yet: `linkEvents` needs the link opens recorded, which comes
 * with the invite accept page. Its route answers 501 until then.
 */
const notYetServed: ReadonlySet<Capability> = new Set(['linkEvents']);

/** The operations the server really serves; clients hide the steps needing the others. */
export const serverCapabilities: readonly Capability[] = allCapabilities.filter((capability) => !notYetServed.has(capability));

/** `GET /v1/capabilities`: every operation of the contract the server serves (all but `linkEvents`). */
export function registerCapabilityRoutes(app: FastifyInstance): void {
  app.get('/v1/capabilities', async () => ({ capabilities: [...serverCapabilities] }));
}
