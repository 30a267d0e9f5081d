import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

/** A built page served under a URL prefix (`/` for the app, `/bare-react/` for a baseline). */
export interface Mount {
  prefix: string;
  dir: string;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

/**
 * Which file a request path names: the mount with the longest matching prefix, the path inside
 * it (never above it), and whether a miss falls back to the mount's index.html (SPA routes do;
 * missing `assets/` files are a 404). `null`: no mount serves the path.
 */
export function resolveStaticPath(pathname: string, mounts: readonly Mount[]): { dir: string; file: string; fallback: boolean } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const mount = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length).find((candidate) => decoded.startsWith(candidate.prefix) || `${decoded}/` === candidate.prefix);
  if (!mount) return null;
  const inside = path.posix.normalize(`/${decoded.slice(mount.prefix.length)}`);
  const relative = inside.replace(/^\/+/, '');
  const file = path.join(mount.dir, relative === '' ? 'index.html' : relative);
  if (file !== mount.dir && !file.startsWith(mount.dir + path.sep)) return null;
  return { dir: mount.dir, file, fallback: !relative.startsWith('assets/') };
}

/**
 * One static server on 127.0.0.1 for every built page the bench compares, so they share the
 * server, its port and its (absent) compression; `cache-control: no-store` like the e2e server.
 */
export async function serveStatic(mounts: readonly Mount[]): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const target = resolveStaticPath(new URL(request.url ?? '/', 'http://x').pathname, mounts);
    const send = (body: Buffer, type: string) => {
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (!target) {
      response.writeHead(404).end();
      return;
    }
    readFile(target.file)
      .then((body) => send(body, types[path.extname(target.file)] ?? 'application/octet-stream'))
      .catch(async () => {
        if (!target.fallback) {
          response.writeHead(404).end();
          return;
        }
        send(await readFile(path.join(target.dir, 'index.html')), types['.html'] as string);
      })
      .catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
