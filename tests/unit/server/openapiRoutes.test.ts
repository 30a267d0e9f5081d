import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createInviteDoctorServer, type InviteDoctorServer } from '../../../server/createInviteDoctorServer.ts';
import { webhookRoutePaths } from '../../../server/http/routes/webhookRoutes.ts';
import { openApiRoutes } from '../../support/openApiRoutes.ts';
import { openTestStore, testLinkOrigin, testSecret } from '../../support/startTestServer.ts';
import { declaredRoutes } from './securityHelpers.ts';

// Every Fastify app built in this file reports each route it declares (an onRoute hook added before anything is registered).
vi.mock('fastify', async (importOriginal) => (await import('./securityHelpers.ts')).withRouteCollector(await importOriginal<typeof import('fastify')>()));

let server: InviteDoctorServer;
beforeAll(async () => {
  server = await createInviteDoctorServer({ store: await openTestStore(), secret: testSecret, publicUrl: testLinkOrigin, seedDemo: false });
  await server.app.ready();
}, 60_000);
afterAll(async () => {
  await server.app.close();
  await server.store.close();
});

/** The invitee's pages and the demo inbox (see invitePageRoutes, demoInboxRoutes). */
const invitePagePaths = ['GET /invite/{token}', 'POST /invite/{token}', 'POST /invite/{token}/fresh', 'GET /demo/inbox'];

describe('the served routes and api/openapi.json', () => {
  const served = () => declaredRoutes().map((route) => `${route.method} ${route.url}`);
  const documented = () => openApiRoutes().map((route) => `${route.method} ${route.fastifyPath}`);

  it('serves every operation the document lists', () => {
    expect(served().length).toBeGreaterThan(10);
    expect(documented().filter((route) => !served().includes(route))).toEqual([]);
  });

  it('serves nothing the document does not list', () => {
    expect(served().filter((route) => !documented().includes(route))).toEqual([]);
  });

  it('marks exactly health, sign-in and the provider webhooks as needing no key, as the server does', () => {
    expect(openApiRoutes().filter((route) => !route.authenticated).map((route) => `${route.method} ${route.path}`).sort()).toEqual(['GET /health', 'POST /v1/sign-in', ...webhookRoutePaths.map((path) => `POST ${path}`), ...invitePagePaths].sort());
  });
});
