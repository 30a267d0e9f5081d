// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.resetModules();
  sessionStorage.clear();
});
afterEach(() => {
  vi.unstubAllEnvs();
  window.history.replaceState(null, '', '/');
});

async function configAt(url: string) {
  window.history.replaceState(null, '', url);
  const { appBackendConfig } = await import('../../../src/app/appBackend.ts');
  return appBackendConfig();
}

describe('choosing the backend', () => {
  it('ignores ?backend= in the URL: the demo stays the demo', async () => {
    vi.stubEnv('VITE_BACKEND', '');
    vi.stubEnv('VITE_BACKEND_URL', '');
    expect(await configAt('/?backend=https%3A%2F%2Felsewhere.example')).toMatchObject({ kind: 'memory' });
  });

  it('ignores ?backend= in the URL of a server build too: the server stays on its origin', async () => {
    vi.stubEnv('VITE_BACKEND', 'server');
    vi.stubEnv('VITE_BACKEND_URL', '');
    expect(await configAt('/?backend=https%3A%2F%2Felsewhere.example')).toEqual({ kind: 'server', baseUrl: '' });
  });

  it('uses the origin fixed at build time by VITE_BACKEND_URL', async () => {
    vi.stubEnv('VITE_BACKEND', '');
    vi.stubEnv('VITE_BACKEND_URL', 'https://doctor.example.com/some/path');
    expect(await configAt('/')).toEqual({ kind: 'server', baseUrl: 'https://doctor.example.com' });
  });

  it('talks to the server on its own origin with the key of this tab, and no built-in token', async () => {
    vi.stubEnv('VITE_BACKEND', 'server');
    vi.stubEnv('VITE_BACKEND_URL', '');
    sessionStorage.setItem('invite-doctor.api-key', 'idk_tab_key');
    const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => Response.json({ capabilities: ['lookup'] }));
    vi.stubGlobal('fetch', fetch);
    window.history.replaceState(null, '', '/');
    const { loadAppBackend } = await import('../../../src/app/appBackend.ts');
    const app = await loadAppBackend();
    vi.unstubAllGlobals();
    expect(app.demo).toBeNull();
    expect(fetch.mock.calls[0]?.[0]).toBe('/v1/capabilities');
    expect(new Headers(fetch.mock.calls[0]?.[1]?.headers).get('authorization')).toBe('Bearer idk_tab_key');
    expect([...app.backend.capabilities()]).toEqual(['lookup']);
  });

  it('reads a URL with nothing but demo hooks as before', async () => {
    const { readBackendConfig } = await import('../../../src/app/appBackend.ts');
    expect(readBackendConfig('?backend=https://elsewhere.example&latency=0', {}, null)).toMatchObject({ kind: 'memory', latencyMs: 0 });
  });
});

describe('?hold= (demo hook)', () => {
  it('can hold every operation of the contract, the background reads included', async () => {
    const { readDemoHooks } = await import('../../../src/app/appBackend.ts');
    for (const operation of ['findUser', 'deliveryEvents', 'listInvitations', 'sendingStatus', 'linkEvents', 'clearSuppression']) {
      expect(readDemoHooks(new URLSearchParams(`hold=${operation}:2`)).hold, operation).toEqual({ operation, call: 2 });
    }
    expect(readDemoHooks(new URLSearchParams('hold=capabilities')).hold).toBeNull();
    expect(readDemoHooks(new URLSearchParams('hold=nothing')).hold).toBeNull();
  });
});

describe('?organisation= (demo hook)', () => {
  it('sizes the generated organisation (default 2,400, at most 20,000) and keeps the size for the tab', async () => {
    const { readDemoHooks, demoOrganisationSize } = await import('../../../src/app/appBackend.ts');
    expect(readDemoHooks(new URLSearchParams('')).organisation).toBe(demoOrganisationSize);
    expect(readDemoHooks(new URLSearchParams('organisation=99999')).organisation).toBe(20_000);
    expect(readDemoHooks(new URLSearchParams('organisation=-5')).organisation).toBe(demoOrganisationSize);
    expect(readDemoHooks(new URLSearchParams('organisation=0'), sessionStorage).organisation).toBe(0);
    expect(readDemoHooks(new URLSearchParams('latency=0'), sessionStorage).organisation).toBe(0);
  });

  it('adds that many generated people to the seeded ones, and none for 0', async () => {
    const { createDemoBackend } = await import('../../../src/app/createBackends.ts');
    const { demoSeed } = await import('../../../src/adapters/index.ts');
    const { createPolicy } = await import('../../../src/engine/index.ts');
    const seeded = demoSeed(Date.now(), createPolicy()).users.length;
    const hooks = { latencyMs: 0, capabilities: null, policy: {}, delivery: null, faults: [] };
    const count = async (organisation: number) => {
      const { demo } = await createDemoBackend({ ...hooks, organisation });
      const page = await demo.listInvitations({ limit: 200 });
      return page.ok ? page.value.invitations.length : -1;
    };
    expect(await count(0)).toBe(seeded);
    expect(await count(40)).toBe(seeded + 40);
  });
});
