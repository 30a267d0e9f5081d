import { describe, expect, it } from 'vitest';
import { createHttpBackend } from '../../../src/adapters/index.ts';

/** A backend whose fetch records the URL and answers `body` with `status`. */
function setup(status: number, body: unknown) {
  const urls: URL[] = [];
  const backend = createHttpBackend({
    baseUrl: 'https://api.example.com/',
    token: 'key',
    retry: { baseDelayMs: 1, attempts: 1 },
    fetch: async (input) => {
      urls.push(new URL(String(input)));
      return Response.json(body, { status });
    },
  });
  return { backend, urls };
}

describe('createHttpBackend listInvitations', () => {
  it('sends the filter as query parameters, leaving out empty ones', async () => {
    const { backend, urls } = setup(200, { invitations: [], nextCursor: null });
    expect(await backend.listInvitations({ status: 'invited', domain: 'bücher.example', q: '', cursor: 'abc_-', limit: 20 })).toEqual({ ok: true, value: { invitations: [], nextCursor: null } });
    expect(urls[0]?.pathname).toBe('/v1/invitations');
    expect(Object.fromEntries(urls[0]?.searchParams ?? [])).toEqual({ status: 'invited', domain: 'bücher.example', cursor: 'abc_-', limit: '20' });
  });

  it('answers malformed when the page does not fit the API', async () => {
    const { backend } = setup(200, { invitations: [{ id: 'x' }], nextCursor: null });
    expect(await backend.listInvitations({})).toMatchObject({ ok: false, error: { kind: 'unavailable', cause: 'malformed' } });
  });

  it('resolves unsupported without a request when the capability is off', async () => {
    const urls: URL[] = [];
    const backend = createHttpBackend({ baseUrl: 'https://api.example.com', capabilities: ['lookup'], fetch: async (input) => (urls.push(new URL(String(input))), Response.json({})) });
    expect(await backend.listInvitations({})).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
    expect(urls).toEqual([]);
  });
});
