import { createHttpBackend, createMemoryBackend, demoSeed, type Role } from '../../../src/adapters/index.ts';
import type { InvitationFilter, UserStatus } from '../../../src/engine/InvitationBackend.ts';
import { createReferenceServer, demoTokens } from '../../../server/createReferenceServer.ts';
import { describeBackendConformance } from './describeBackendConformance.ts';

function tokenFor(role: Role): string {
  if (role.kind === 'admin') return 'demo-admin';
  if (role.team === 'a') return 'demo-manager-a';
  throw new Error(`the reference server has no demo token for team ${role.team}`);
}

describeBackendConformance('http (reference server)', async () => {
  let now = Date.parse('2025-03-10T09:00:00.000Z');
  let token = 'demo-admin';
  const memory = createMemoryBackend(demoSeed, () => now);
  const server = await createReferenceServer({ backend: memory, port: 0 });
  // The reference server does not serve GET /v1/invitations (server/ is being rebuilt on
  // Fastify); until it does, that one route is answered here from the same memory backend, in
  // the API's JSON shape, so the adapter's query and parsing still run over real HTTP responses.
  const fetchWithListing: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    if (url.pathname !== '/v1/invitations' || (init?.method ?? 'GET') !== 'GET') return fetch(input, init);
    const role = demoTokens[token];
    if (!role) return Response.json({ error: { kind: 'not_permitted', message: 'Missing or unknown bearer token.' } }, { status: 401 });
    const query = url.searchParams;
    const filter: InvitationFilter = {};
    if (query.has('status')) filter.status = query.get('status') as UserStatus;
    for (const name of ['domain', 'q', 'cursor'] as const) if (query.has(name)) filter[name] = query.get(name) ?? '';
    if (query.has('limit')) filter.limit = Number(query.get('limit'));
    const listed = await memory.withRole(role).listInvitations!(filter);
    if (listed.ok) return Response.json(listed.value);
    const status = listed.error.kind === 'unavailable' ? (listed.error.status ?? 503) : 500;
    return Response.json({ error: { kind: status === 400 ? 'invalid_request' : listed.error.kind, message: listed.error.message } }, { status });
  };
  const backend = createHttpBackend({ baseUrl: server.url, token: () => token, retry: { baseDelayMs: 1 }, fetch: fetchWithListing });
  return {
    backend,
    controls: {
      setRole: (role) => {
        token = tokenFor(role);
      },
      advance: (ms) => {
        now += ms;
      },
      reset: () => memory.reset(),
      now: () => now,
    },
    close: () => server.close(),
  };
});
