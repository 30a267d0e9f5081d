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

describe('server mode without a key', () => {
  it('sends every page to sign-in, and back to it after signing in', async () => {
    stubFetch(json(200, adminMe));
    await renderServerApp('/sessions');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to the Invite Doctor server' })).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/sign-in$/);
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('API key'), 'idk_good');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent(/^\/sessions$/));
  });

  it('shows no demo controls', async () => {
    await renderServerApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Sign in to the Invite Doctor server' });
    expect(screen.queryByRole('complementary', { name: 'Demo data' })).not.toBeInTheDocument();
  });
});

describe('server mode with a key', () => {
  it('names a team manager’s team by its name when the server knows it, not by its id', async () => {
    sessionStorage.setItem('invite-doctor.api-key', 'idk_good');
    stubFetch(json(200, { ...adminMe, role: { kind: 'team-manager', team: 'org_7f3a9c', teamName: 'Customer Success' } }));
    await renderServerApp('/');
    expect(await screen.findByText('Signed in as manager of team Customer Success')).toBeInTheDocument();
    expect(screen.queryByText(/org_7f3a9c/)).not.toBeInTheDocument();
  });

  it('shows the page, who is signed in, and signs out', async () => {
    sessionStorage.setItem('invite-doctor.api-key', 'idk_good');
    stubFetch(json(200, { ...adminMe, role: { kind: 'team-manager', team: 'a' } }));
    await renderServerApp('/');
    expect(await screen.findByText('Signed in as manager of team a')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Someone did not get their invitation?' })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to the Invite Doctor server' })).toBeInTheDocument();
    expect(sessionStorage.getItem('invite-doctor.api-key')).toBeNull();
  });

  it('sends the person to sign in with a note when the server refuses the key mid-session, keeping the saved sessions', async () => {
    sessionStorage.setItem('invite-doctor.api-key', 'idk_revoked');
    localStorage.setItem('invite-doctor.session.s1', '{"saved":true}');
    stubFetch(json(200, adminMe), json(401, { error: { kind: 'not_permitted', message: 'Revoked.' } }));
    await renderServerApp('/sessions?x=1');
    await screen.findByText('Signed in as admin');
    await screen.findByRole('heading', { level: 1, name: 'Recent sessions' });
    const { watchForSignedOut } = await import('../../../../src/app/signIn/watchForSignedOut.ts');
    const controller = new AbortController();
    const call = watchForSignedOut('/v1/users?email=a', { headers: { authorization: 'Bearer idk_revoked' }, signal: controller.signal });
    expect(await screen.findByText(/The server no longer accepts your key/)).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/sign-in$/);
    expect(sessionStorage.getItem('invite-doctor.api-key')).toBeNull();
    expect(localStorage.getItem('invite-doctor.session.s1')).toBe('{"saved":true}');
    // The refused call never reaches the flow as an answer; it ends only when the flow cancels it.
    act(() => controller.abort());
    await expect(call).rejects.toBeDefined();
  });
});
