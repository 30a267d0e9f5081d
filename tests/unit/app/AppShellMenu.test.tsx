// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { AppShell } from '../../../src/app/AppShell.tsx';
import { createTestI18n } from '../ui/renderFlowRunner.tsx';

afterEach(() => cleanup());

function renderShell() {
  return render(
    <I18nextProvider i18n={createTestI18n()}>
      <MemoryRouter initialEntries={['/']}>
        <Routes>
          <Route element={<AppShell />}>
            <Route index element={<h1>Start page</h1>} />
            <Route path="sessions" element={<h1>Sessions page</h1>} />
          </Route>
        </Routes>
      </MemoryRouter>
    </I18nextProvider>,
  );
}

describe('the header menu (phones show the navigation and settings under it)', () => {
  it('is a disclosure button that names what it controls, moves the focus into it, and closes with Escape back on the button', async () => {
    const user = userEvent.setup();
    renderShell();
    const menu = screen.getByRole('button', { name: 'Menu' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    const controlled = document.getElementById(menu.getAttribute('aria-controls') ?? '');
    expect(controlled).toContainElement(screen.getByRole('navigation', { name: 'Main' }));
    expect(controlled).toContainElement(screen.getByRole('combobox', { name: 'Language' }));
    expect(controlled).toContainElement(screen.getByRole('switch', { name: 'Agent mode' }));

    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(screen.getByRole('link', { name: 'Start' })).toHaveFocus());
    await user.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();
  });

  it('closes when a link in it is followed', async () => {
    const user = userEvent.setup();
    renderShell();
    const menu = screen.getByRole('button', { name: 'Menu' });
    await user.click(menu);
    await user.click(screen.getByRole('link', { name: 'Recent sessions' }));
    expect(await screen.findByRole('heading', { name: 'Sessions page' })).toBeInTheDocument();
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });
});
