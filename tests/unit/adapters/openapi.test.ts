import { describe, expect, it } from 'vitest';
import { allCapabilities, notSentReasons } from '../../../src/engine/InvitationBackend.ts';
import { openApiRoutes, readOpenApiDocument } from '../../support/openApiRoutes.ts';

type Response = { $ref?: string; headers?: Record<string, { $ref?: string }> };
const document = readOpenApiDocument();
const routes = openApiRoutes();
const operationOf = (method: string, path: string) => document.paths[path]?.[method.toLowerCase()] as { responses?: Record<string, Response>; security?: unknown[] } | undefined;
/** A response with `$ref`s followed. */
const resolve = (response: Response): Response => {
  if (!response.$ref) return response;
  const name = response.$ref.replace('#/components/responses/', '');
  return document.components.responses?.[name] as Response;
};

describe('api/openapi.json', () => {
  it('is an OpenAPI 3.1 document', () => {
    expect(document.openapi).toMatch(/^3\.1\./);
  });

  it('lists exactly the routes the adapter, the app and the servers use', () => {
    expect(routes.map((route) => `${route.method} ${route.path}`).sort()).toEqual(
      [
        'GET /demo/inbox',
        'GET /invite/{token}',
        'POST /invite/{token}',
        'POST /invite/{token}/fresh',
        'GET /health',
        'GET /v1/audit',
        'GET /v1/capabilities',
        'GET /v1/delivery-events',
        'POST /v1/evidence',
        'GET /v1/invitations',
        'GET /v1/link-events',
        'GET /v1/me',
        'GET /v1/sending-status',
        'GET /v1/session-insights',
        'GET /v1/users',
        'POST /v1/invitations',
        'POST /v1/session-events',
        'POST /v1/sign-in',
        'POST /v1/suppressions/{email}/clear',
        'POST /v1/users/{userId}/cancel',
        'POST /v1/users/{userId}/invite-link',
        'POST /v1/users/{userId}/password-reset',
        'POST /v1/users/{userId}/resend',
        'POST /v1/webhooks/mailgun',
        'POST /v1/webhooks/postmark',
        'POST /v1/webhooks/resend',
        'POST /v1/webhooks/sendgrid',
        'POST /v1/webhooks/ses',
      ].sort(),
    );
    expect(routes.find((route) => route.path === '/v1/users/{userId}/resend')?.fastifyPath).toBe('/v1/users/:userId/resend');
    expect(new Set(routes.map((route) => route.operationId)).size).toBe(routes.length);
  });

  it.each(routes)('describes a success answer for $method $path', ({ method, path }) => {
    expect(Object.keys(operationOf(method, path)?.responses ?? {}).some((status) => status.startsWith('2'))).toBe(true);
  });

  it('asks for a bearer key on every route but sign-in, health, the provider webhooks (signed by the provider), the invitee\'s pages (the link is the credential) and the demo inbox, and documents its 401', () => {
    expect([...new Set(routes.filter((route) => !route.authenticated).map((route) => route.path))].sort()).toEqual(['/demo/inbox', '/health', '/invite/{token}', '/invite/{token}/fresh', '/v1/sign-in', '/v1/webhooks/mailgun', '/v1/webhooks/postmark', '/v1/webhooks/resend', '/v1/webhooks/sendgrid', '/v1/webhooks/ses']);
    for (const route of routes.filter((candidate) => candidate.authenticated)) {
      expect(operationOf(route.method, route.path)?.responses?.['401'], `${route.method} ${route.path}`).toBeDefined();
    }
  });

  it('documents 400, 413 and 415 on every API route, 429 on every /v1 route, and X-Request-Id on every response', () => {
    for (const { method, path } of routes) {
      const responses = operationOf(method, path)?.responses ?? {};
      const where = `${method} ${path}`;
      // The HTML pages (invite link, demo inbox) answer with pages, documented with the statuses they use.
      const isPage = path.startsWith('/invite/') || path === '/demo/inbox';
      if (!isPage) for (const status of ['400', '413', '415']) expect(responses[status], `${where} ${status}`).toBeDefined();
      if (path.startsWith('/v1/')) expect(responses['429'], `${where} 429`).toBeDefined();
      for (const [status, response] of Object.entries(responses)) {
        expect(resolve(response).headers?.['X-Request-Id'], `${where} ${status}`).toBeDefined();
      }
    }
  });

  it('gives every 429 a Retry-After in whole seconds', () => {
    const header = document.components.headers?.RetryAfter as { schema: { type: string } };
    expect(header.schema.type).toBe('integer');
    expect(resolve({ $ref: '#/components/responses/RateLimited' }).headers?.['Retry-After']?.$ref).toBe('#/components/headers/RetryAfter');
  });

  it('names every error kind, the request-level ones included, and every capability', () => {
    const schemas = document.components.schemas as Record<string, { enum?: string[]; properties?: Record<string, { properties?: Record<string, { enum?: string[] }> }> }>;
    const kinds = schemas.Error?.properties?.error?.properties?.kind?.enum ?? [];
    expect(kinds).toEqual(expect.arrayContaining(['rate_limited', 'not_permitted', 'not_found', 'deactivated', 'conflict', 'unsupported', 'not_sent', 'unavailable', 'invalid_request', 'payload_too_large', 'unsupported_media_type']));
    expect(kinds).not.toContain('unauthenticated');
    expect(schemas.Capability?.enum).toEqual([...allCapabilities]);
  });

  it('names every reason a mail was not sent, and documents not_sent (502) on each action that sends mail', () => {
    const schemas = document.components.schemas as Record<string, { enum?: string[]; properties?: Record<string, { enum?: string[] }> }>;
    expect(schemas.NotSentReason?.enum).toEqual([...notSentReasons]);
    expect(schemas.DeliveryEvent?.properties?.kind?.enum).toContain('not_sent');
    for (const path of ['/v1/users/{userId}/resend', '/v1/users/{userId}/password-reset', '/v1/invitations']) {
      expect(operationOf('POST', path)?.responses?.['502']?.$ref, path).toBe('#/components/responses/NotSent');
    }
  });

  it('resolves every $ref', () => {
    const text = JSON.stringify(document);
    for (const [, ref] of text.matchAll(/"\$ref":"#\/([^"]+)"/g)) {
      const target = (ref ?? '').split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      expect(target, ref).toBeDefined();
    }
  });
});
