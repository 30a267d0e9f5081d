import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryBackend, type MemoryBackend, type Role } from '../src/adapters/index.ts';
import type { ApiResponse } from './ApiResponse.ts';
import { handleTestEndpoint } from './handleTestEndpoint.ts';
import { readJsonBody } from './readJsonBody.ts';
import { routeApiRequest } from './routeApiRequest.ts';

export interface ReferenceServerOptions {
  /** The state served. @default createMemoryBackend() with the demo seed and the system clock */
  backend?: MemoryBackend;
  /** 0 picks a free port. @default 8787 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Browser origins allowed by CORS, e.g. `http://localhost:5173`. @default none */
  allowedOrigins?: readonly string[];
  /** Serves the test-only `POST /__faults` and `POST /__reset`. @default false */
  faults?: boolean;
  /** Bearer token → role. @default demo-admin → admin, demo-manager-a → manager of team "a" */
  tokens?: Readonly<Record<string, Role>>;
}

export interface ReferenceServer {
  /** Where it listens, e.g. `http://127.0.0.1:8787`. */
  url: string;
  backend: MemoryBackend;
  close(): Promise<void>;
}

/** The demo bearer tokens; anything else is answered 401. */
export const demoTokens: Readonly<Record<string, Role>> = {
  'demo-admin': { kind: 'admin' },
  'demo-manager-a': { kind: 'team-manager', team: 'a' },
};

/**
 * The REST API of `api/openapi.json` over a memory backend, with node:http only: the
 * reference the http adapter is tested against and the demo's backend.
 */
export async function createReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const backend = options.backend ?? createMemoryBackend();
  const tokens = options.tokens ?? demoTokens;
  const origins = new Set(options.allowedOrigins ?? []);
  const host = options.host ?? '127.0.0.1';

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<ApiResponse | undefined> => {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://reference.invalid');
    const readBody = () => readJsonBody(request);
    if (method === 'OPTIONS') return undefined;
    if (url.pathname.startsWith('/__')) {
      if (!options.faults) return { status: 404, body: { error: { kind: 'not_found', message: 'No such endpoint.' } } };
      return handleTestEndpoint(method, url.pathname, readBody, backend);
    }
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const role = token === undefined ? undefined : tokens[token];
    if (!role) {
      return {
        status: 401,
        body: { error: { kind: 'not_permitted', message: 'Missing or unknown bearer token.' } },
        headers: { 'www-authenticate': 'Bearer' },
      };
    }
    const controller = new AbortController();
    response.once('close', () => {
      if (!response.writableEnded) controller.abort();
    });
    return routeApiRequest({ method, url, readBody, backend: backend.withRole(role), signal: controller.signal });
  };

  const server = createServer((request, response) => {
    applyCors(request, response, origins);
    handle(request, response)
      .catch((): ApiResponse => ({ status: 500, body: { error: { kind: 'unavailable', cause: 'server', message: 'Internal error.' } } }))
      .then((answer) => {
        if (response.writableEnded || response.destroyed) return;
        if (!answer) {
          response.writeHead(204).end();
          return;
        }
        response.writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...answer.headers });
        response.end(JSON.stringify(answer.body));
      })
      .catch(() => response.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${hostInUrl}:${port}`,
    backend,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function applyCors(request: IncomingMessage, response: ServerResponse, origins: ReadonlySet<string>): void {
  const origin = request.headers.origin;
  response.setHeader('vary', 'Origin');
  if (!origin || !origins.has(origin)) return;
  response.setHeader('access-control-allow-origin', origin);
  response.setHeader('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS');
  response.setHeader('access-control-allow-headers', 'Authorization, Content-Type');
  response.setHeader('access-control-expose-headers', 'Retry-After');
  response.setHeader('access-control-max-age', '600');
}
