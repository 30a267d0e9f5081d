import { readFileSync } from 'node:fs';

/** One operation of `api/openapi.json`. */
export interface OpenApiRoute {
  /** Upper case, e.g. `GET`. */
  method: string;
  /** As written in the document, e.g. `/v1/users/{userId}/resend`. */
  path: string;
  /** The same path in Fastify's (and find-my-way's) syntax, e.g. `/v1/users/:userId/resend`. */
  fastifyPath: string;
  operationId: string;
  /** False for the routes that need no bearer key (`security: []`). */
  authenticated: boolean;
}

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The document, parsed. */
export function readOpenApiDocument(): { openapi: string; security?: unknown[]; paths: Record<string, Record<string, Record<string, unknown>>>; components: Record<string, Record<string, unknown>> } {
  return JSON.parse(readFileSync(new URL('../../api/openapi.json', import.meta.url), 'utf8'));
}

/**
 * Every method × path the API documents, sorted, for comparing against the routes a server
 * actually serves (none missing, none extra): e.g. Fastify's `onRoute` hook collects
 * `${method} ${url}` and the test compares with `fastifyPath`.
 */
export function openApiRoutes(): OpenApiRoute[] {
  const document = readOpenApiDocument();
  const defaultSecured = (document.security ?? []).length > 0;
  return Object.entries(document.paths)
    .flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => httpMethods.includes(method))
        .map(([method, operation]) => {
          const security = operation.security as unknown[] | undefined;
          return {
            method: method.toUpperCase(),
            path,
            fastifyPath: path.replace(/\{([^}]+)\}/g, ':$1'),
            operationId: String(operation.operationId),
            authenticated: security === undefined ? defaultSecured : security.length > 0,
          };
        }),
    )
    .sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
