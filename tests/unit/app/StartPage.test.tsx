// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { createTestI18n } from '../ui/renderFlowRunner.tsx';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});
beforeEach(() => {
  // The handoff is read once per page load: each test is a fresh load.
  vi.resetModules();
});

function FlowStarted() {
  const location = useLocation();
  return <p>started {(location.state as { email?: string } | null)?.email}</p>;
}

async function renderStart(url = '/') {
  const { StartPage } = await import('../../../src/app/StartPage.tsx');
  return render(
    <I18nextProvider i18n={createTestI18n()}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route index element={<StartPage />} />
          <Route path="flows/:flowId" element={<FlowStarted />} />
        </Routes>
      </MemoryRouter>
    </I18nextProvider>,
  );
}

/** What the built index.html shows before the app runs, reduced to the field. */
function prerenderedField(value: string, focused: boolean) {
  const shell = document.createElement('div');
  shell.setAttribute('data-start-shell', '');
  shell.innerHTML = '<input id="start-email" type="email">';
  document.body.append(shell);
  const field = shell.querySelector('input') as HTMLInputElement;
  field.value = value;
  if (focused) field.focus();
  return shell;
}

describe('the start page', () => {
  it('carries on with what was typed into the prerendered page, and its focus', async () => {
    const shell = prerenderedField('ana.invited@exa', true);
    await renderStart();
    shell.remove();
    const field = screen.getByRole('textbox', { name: 'Their email address' });
    expect(field).toHaveValue('ana.invited@exa');
    expect(field).toHaveFocus();
  });

  it('leaves the focus alone when the prerendered field did not have it', async () => {
    prerenderedField('', false);
    await renderStart();
    expect(screen.getByRole('textbox', { name: 'Their email address' })).not.toHaveFocus();
  });

  it('starts the check for an address the plain form sent (?email=)', async () => {
    await renderStart('/?email=ana.invited%40example.com');
    expect(await screen.findByText('started ana.invited@example.com')).toBeInTheDocument();
  });

  it('shows what is wrong with an address the plain form sent, keeping it in the field', async () => {
    await renderStart('/?email=ana.invited%40example');
    const field = screen.getByRole('textbox', { name: 'Their email address' });
    expect(field).toHaveValue('ana.invited@example');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await userEvent.setup().type(field, '.com{Enter}');
    expect(await screen.findByText('started ana.invited@example.com')).toBeInTheDocument();
  });
});
