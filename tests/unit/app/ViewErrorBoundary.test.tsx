// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { createI18n } from '../../../src/app/createI18n.ts';
import { ViewErrorBoundary } from '../../../src/app/ViewErrorBoundary.tsx';
import { describeError, rootErrorOptions } from '../../../src/ui/ErrorBoundary.tsx';
import enApp from '../../../locales/en/app.json';
import deApp from '../../../locales/de/app.json';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const token = 'Zk3QpL9sT2vX8yB4nM7cR1wE5uH0';
let broken = false;

function Crashy() {
  if (broken) {
    throw new TypeError(`cannot read https://app.example.com/invite/${token}`);
  }
  return <h1>The check</h1>;
}

function renderApp(lng: 'en' | 'de' = 'en') {
  const resources = lng === 'en' ? enApp : deApp;
  return render(
    <I18nextProvider i18n={createI18n({ lng, resources: { [lng]: { app: resources } } })}>
      <MemoryRouter initialEntries={['/flows/x']}>
        <header>
          <a href="/">Invite Doctor</a>
        </header>
        <ViewErrorBoundary>
          <Routes>
            <Route index element={<h1>Start page</h1>} />
            <Route path="flows/x" element={<Crashy />} />
          </Routes>
        </ViewErrorBoundary>
      </MemoryRouter>
    </I18nextProvider>,
    { onCaughtError: rootErrorOptions.onCaughtError },
  );
}

describe('a view that crashes', () => {
  it('shows a short message instead of a blank app, and Try again renders the view again', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    broken = true;
    const user = userEvent.setup();
    renderApp();
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong on this page');
    expect(screen.getByRole('link', { name: 'Invite Doctor' })).toBeInTheDocument();
    broken = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('heading', { name: 'The check' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    const logged = log.mock.calls.flat().map(String).join('\n');
    expect(logged).toContain('TypeError');
    expect(logged).not.toContain(token);
  });

  it('Start over goes to the start page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    broken = true;
    const user = userEvent.setup();
    renderApp('de');
    expect(screen.getByRole('alert')).toHaveTextContent('Auf dieser Seite ist etwas schiefgegangen');
    await user.click(screen.getByRole('button', { name: 'Neu beginnen' }));
    expect(screen.getByRole('heading', { name: 'Start page' })).toBeInTheDocument();
    broken = false;
  });

  it('describes an error in one masked line', () => {
    expect(describeError(new Error(`bad https://u:p@h.example/x?token=${token}`))).toBe('Error: bad https://•••@h.example/•••');
    expect(describeError({ secret: token })).toBe('unknown error');
  });
});
