import type { FastifyInstance } from 'fastify';
import type { ServerBackend } from '../../service/ServerBackend.ts';
import { allCapabilities, type Capability } from '../../../src/engine/InvitationBackend.ts';

/** What this server does not offer (yet): nothing; the set stays for the next operation the contract gains. */
const notYetServed: ReadonlySet<Capability> = new Set([]);

/** The operations the server really serves; clients hide the steps needing the others. */
export const serverCapabilities: readonly Capability[] = allCapabilities.filter((capability) => !notYetServed.has(capability));

/**
 * `GET /v1/capabilities`: every operation of the contract the server serves (on its own tables,
 * all of them; over an identity provider, what that provider offers) and the backend's
 * description (where users live, whether a resend rotates the link, who sends the mail).
 */
export function registerCapabilityRoutes(app: FastifyInstance, backend: ServerBackend): void {
  app.get('/v1/capabilities', async () => ({ capabilities: backend.capabilities().filter((capability) => !notYetServed.has(capability)), description: backend.describe() }));
}
