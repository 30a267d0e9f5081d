import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

export interface ServeStaticOptions {
  /**
   * The origin (`http://127.0.0.1:8787`) that `/v1/…` and `/health` are passed on to, as Vite's dev
   * server does in server mode; read per request, so it may be known only after this server listens.
   */
  proxyTo?: () => string | undefined;
}

/** The API paths the app calls on its own origin in server mode. */
const proxied = (path: string) => path.startsWith('/v1/') || path === '/v1' || path === '/health';

/**
 * A tiny static server for a built SPA on 127.0.0.1: files by path, `index.html` for every route;
 * with `proxyTo`, the API paths go to that server instead (status, headers and bodies streamed through).
 */
export async function serveStatic(dir: string, options: ServeStaticOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const target = options.proxyTo?.();
    if (target && proxied(new URL(request.url ?? '/', 'http://x').pathname)) {
      proxy(request, response, target);
      return;
    }
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path);
    const send = (body: Buffer, type: string) => {
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    readFile(file)
      .then((body) => send(body, types[extname(file)] ?? 'application/octet-stream'))
      .catch(async () => {
        if (path.startsWith('/assets/')) {
          response.writeHead(404).end();
          return;
        }
        send(await readFile(join(dir, 'index.html')), types['.html'] as string);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Passes one request on to `target` as it came (method, path, headers with the Host, body), as Vite's proxy does, and its answer back. */
function proxy(request: IncomingMessage, response: ServerResponse, target: string): void {
  const { hostname, port } = new URL(target);
  const upstream = forward({ hostname, port, method: request.method, path: request.url, headers: request.headers }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  upstream.on('error', () => {
    if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
    response.end('proxy: the server did not answer');
  });
  request.pipe(upstream);
}
