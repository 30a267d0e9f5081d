// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { adminMe, json, renderServerApp, stubFetch, useServerBuild } from './serverMode.tsx';

beforeEach(useServerBuild);
afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

async function pasteKey(key: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('API key'), key);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

/** The live region is always there; wait for what it says. */
async function expectAlert(message: string) {
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(message));
}

describe('the sign-in page', () => {
  it('explains what a key is and where to get one, with the focus on its heading', async () => {
    await renderServerApp('/sign-in');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Sign in to the Invite Doctor server' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText('npm run --silent server:keys -- create --role admin')).toBeInTheDocument();
    expect(screen.getByLabelText('API key')).toHaveAttribute('type', 'password');
  });

  it('keeps a key the server accepts, in sessionStorage only, and goes where the person wanted to go', async () => {
    const calls = stubFetch(json(200, adminMe));
    await renderServerApp('/sign-in', { from: '/sessions' });
    await pasteKey('idk_good');
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/sessions'));
    expect(calls[0]?.url).toBe('/v1/me');
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer idk_good');
    expect(sessionStorage.getItem('invite-doctor.api-key')).toBe('idk_good');
    expect(JSON.stringify({ ...localStorage })).not.toContain('idk_good');
    expect(await screen.findByText('Signed in as admin')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('says so when the server refuses the key, and keeps nothing', async () => {
    stubFetch(json(401, { error: { kind: 'not_permitted', message: 'Unknown key.' } }));
    await renderServerApp('/sign-in');
    await pasteKey('idk_wrong');
    await expectAlert('The server does not accept this key.');
    expect(screen.getByLabelText('API key')).toHaveAttribute('aria-invalid', 'true');
    expect(sessionStorage.getItem('invite-doctor.api-key')).toBeNull();
    expect(screen.getByTestId('where')).toHaveTextContent('/sign-in');
  });

  it('tells an unreachable server apart from a refused key', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    await renderServerApp('/sign-in');
    await pasteKey('idk_good');
    await expectAlert('The Invite Doctor server cannot be reached.');
    expect(sessionStorage.getItem('invite-doctor.api-key')).toBeNull();
  });

  it('asks the person to wait when there were too many attempts', async () => {
    stubFetch(json(429, { error: { kind: 'rate_limited', message: 'Slow down.' } }, { 'retry-after': '30' }));
    await renderServerApp('/sign-in');
    await pasteKey('idk_good');
    await expectAlert('Too many attempts. Try again in 30 seconds.');
  });

  it('signs in with a one-time link, removing the code from the address before the request', async () => {
    const calls = stubFetch(json(200, { key: 'idk_from_code', role: { kind: 'team-manager', team: 'a' }, expiresAt: null }));
    await renderServerApp('/sign-in#code=one-time-123');
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent(/^\/$/));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('/v1/sign-in');
    expect(calls[0]?.hash).toBe('');
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBeNull();
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ code: 'one-time-123' });
    expect(window.location.href).not.toContain('one-time-123');
    expect(sessionStorage.getItem('invite-doctor.api-key')).toBe('idk_from_code');
    expect(await screen.findByText('Signed in as manager of team a')).toBeInTheDocument();
  });

  it('signs in with a link pasted into the tab that already shows the sign-in page', async () => {
    const calls = stubFetch(json(200, { key: 'idk_pasted', role: { kind: 'admin' }, expiresAt: null }));
    await renderServerApp('/sign-in');
    await screen.findByRole('heading', { level: 1 });
    expect(calls).toHaveLength(0);
    // What the browser does for a link that differs only after the #: a new entry and popstate.
    act(() => {
      window.history.pushState(null, '', '/sign-in#code=pasted-later');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent(/^\/$/));
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ code: 'pasted-later' });
    expect(calls[0]?.hash).toBe('');
    expect(sessionStorage.getItem('invite-doctor.api-key')).toBe('idk_pasted');
  });

  it('says a used or expired link cannot sign in, and offers the key field', async () => {
    stubFetch(json(401, { error: { kind: 'not_permitted', message: 'Unknown code.' } }));
    await renderServerApp('/sign-in#code=used-code');
    await expectAlert('This sign-in link has already been used or has expired.');
    expect(window.location.hash).toBe('');
    expect(screen.getByLabelText('API key')).toBeInTheDocument();
    expect(sessionStorage.getItem('invite-doctor.api-key')).toBeNull();
  });
});
