import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const document = JSON.parse(readFileSync(new URL('../../../api/openapi.json', import.meta.url), 'utf8')) as {
  openapi: string;
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
};

describe('api/openapi.json', () => {
  it('is an OpenAPI 3.1 document', () => {
    expect(document.openapi).toMatch(/^3\.1\./);
  });

  it.each([
    ['get', '/v1/capabilities'],
    ['get', '/v1/users'],
    ['get', '/v1/delivery-events'],
    ['post', '/v1/invitations'],
    ['post', '/v1/users/{userId}/resend'],
    ['post', '/v1/users/{userId}/invite-link'],
    ['post', '/v1/users/{userId}/password-reset'],
    ['post', '/v1/users/{userId}/cancel'],
    ['post', '/v1/suppressions/{email}/clear'],
  ])('describes %s %s, which the adapter and the reference server use', (method, path) => {
    const operation = document.paths[path]?.[method];
    expect(operation?.responses).toBeDefined();
    expect(Object.keys(operation?.responses ?? {}).some((status) => status.startsWith('2'))).toBe(true);
  });

  it('resolves every $ref', () => {
    const text = JSON.stringify(document);
    for (const [, ref] of text.matchAll(/"\$ref":"#\/([^"]+)"/g)) {
      const target = (ref ?? '').split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      expect(target, ref).toBeDefined();
    }
  });
});
