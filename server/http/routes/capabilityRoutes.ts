import type { FastifyInstance } from 'fastify';
import { allCapabilities, type Capability } from '../../../src/engine/InvitationBackend.ts';

/** What this server does not offer (yet): nothing; the set stays for the next operation the contract gains. */
const notYetServed: ReadonlySet<Capability> = new Set([]);

/** The operations the server really serves; clients hide the steps needing the others. */
export const serverCapabilities: readonly Capability[] = allCapabilities.filter((capability) => !notYetServed.has(capability));

/** `GET /v1/capabilities`: every operation of the contract the server serves. */
export function registerCapabilityRoutes(app: FastifyInstance): void {
  app.get('/v1/capabilities', async () => ({ capabilities: [...serverCapabilities] }));
}
