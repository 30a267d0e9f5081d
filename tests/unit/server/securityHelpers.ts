import { connect } from 'node:net';
import type { RouteOptions } from 'fastify';

/** A UUID as `randomUUID` makes them (any version, lower case). */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface CallOptions {
  key?: string;
  /** A JSON body (serialised here), or a string sent as it is. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

/** One real HTTP request with fetch. */
export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] = options.contentType ?? 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The `{ error: { kind, message } }` of an answer (throws when the body has another shape). */
export function errorOf(answer: Answer): { kind: string; message: string; retryAfterMs?: number } {
  const error = (answer.json as { error?: { kind?: unknown; message?: unknown } } | undefined)?.error;
  if (!error || typeof error.kind !== 'string' || typeof error.message !== 'string') throw new Error(`not an error body (${answer.status}): ${answer.text.slice(0, 300)}`);
  return error as { kind: string; message: string; retryAfterMs?: number };
}

export interface RawExchange {
  /** Everything the server wrote back. */
  response: string;
  /** True when the server closed (or reset) the connection before `waitMs`. */
  closedByServer: boolean;
  elapsedMs: number;
}

/**
 * Writes `chunks` to a raw TCP connection, `gapMs` apart, and collects the answer until the server
 * closes the connection or `waitMs` passes (then the client closes it). For what fetch cannot do:
 * lying Content-Lengths, trickled bodies.
 */
export function rawExchange(baseUrl: string, chunks: (string | Buffer)[], options: { gapMs?: number; waitMs: number }): Promise<RawExchange> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (closedByServer: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(deadline);
      socket.destroy();
      resolve({ response: Buffer.concat(received).toString('latin1'), closedByServer, elapsedMs: Date.now() - started });
    };
    const deadline = setTimeout(() => finish(false), options.waitMs);
    socket.on('data', (data) => received.push(data));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    let index = 0;
    const writeNext = () => {
      if (done || index >= chunks.length) return;
      const chunk = chunks[index++];
      if (chunk !== undefined && !socket.destroyed && socket.writable) socket.write(chunk);
      timer = setTimeout(writeNext, options.gapMs ?? 0);
    };
    socket.on('connect', writeNext);
  });
}

/** The status line's code of a raw HTTP answer, or null. */
export function rawStatus(response: string): number | null {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(response);
  return match ? Number(match[1]) : null;
}

export interface ServedRoute {
  method: string;
  url: string;
}

/** Routes seen by the `onRoute` hook that `withRouteCollector` adds to every Fastify instance. */
export const servedRoutes: ServedRoute[] = [];

/**
 * For `vi.mock('fastify', …)`: the real module, whose factory adds an `onRoute` hook to every app
 * it builds before anything is registered, so a test sees every route the server declares.
 */
export function withRouteCollector<T extends { default: unknown }>(original: T): T {
  const create = original.default as (...args: unknown[]) => { addHook(name: 'onRoute', hook: (route: RouteOptions) => void): void };
  const wrapped = (...args: unknown[]) => {
    const app = create(...args);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) servedRoutes.push({ method: String(method).toUpperCase(), url: route.url });
    });
    return app;
  };
  return { ...original, default: Object.assign(wrapped, original.default) };
}

/** The routes an app serves, without the HEAD and OPTIONS routes added for us, as `METHOD /path`. */
export function declaredRoutes(): ServedRoute[] {
  const seen = new Map<string, ServedRoute>();
  for (const route of servedRoutes) if (route.method !== 'HEAD' && route.method !== 'OPTIONS') seen.set(`${route.method} ${route.url}`, route);
  return [...seen.values()].sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));
}
