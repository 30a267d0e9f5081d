import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { vi } from 'vitest';
import { createTestI18n } from '../../ui/renderFlowRunner.tsx';

/** A fresh page load of the app built with `VITE_BACKEND=server` (modules re-read the env). */
export function useServerBuild(): void {
  vi.resetModules();
  vi.stubEnv('VITE_BACKEND', 'server');
  vi.stubEnv('VITE_BACKEND_URL', '');
  sessionStorage.clear();
  localStorage.clear();
}

/** A fetch answering each call with the next of `responses` (a Response, or an Error to reject with). */
export function stubFetch(...responses: (Response | Error)[]) {
  const calls: { url: string; init: RequestInit | undefined; hash: string }[] = [];
  const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init, hash: window.location.hash });
    const next = responses.shift() ?? new Error('no more responses');
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export const adminMe = { keyId: 'k1', role: { kind: 'admin' }, label: 'demo admin', expiresAt: null };

/** Where the router is, for assertions. */
function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

/**
 * The app's route tree (`AppRoutes`: the real shell and pages) at `url`, as a server build. The
 * page's own URL (`window.location`) is set too, for what reads it (the sign-in link's fragment).
 */
export async function renderServerApp(url: string, state?: unknown) {
  window.history.replaceState(null, '', url);
  const { AppRoutes } = await import('../../../../src/app/App.tsx');
  const { pathname, search } = new URL(url, 'http://localhost');
  return render(
    <I18nextProvider i18n={createTestI18n()}>
      <MemoryRouter initialEntries={[{ pathname, search, state }]}>
        <AppRoutes />
        <Where />
      </MemoryRouter>
    </I18nextProvider>,
  );
}
