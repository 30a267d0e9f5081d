// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { forgetAppBackend } from '../../../src/app/appBackend.ts';
import { FlowPage } from '../../../src/app/FlowPage.tsx';
import { createTestI18n } from '../ui/renderFlowRunner.tsx';

beforeEach(() => {
  // The demo with no simulated latency, and no demo hooks kept from another test.
  sessionStorage.clear();
  localStorage.clear();
  window.history.replaceState(null, '', '/?latency=0');
  forgetAppBackend();
});
afterEach(() => {
  cleanup();
  forgetAppBackend();
  window.history.replaceState(null, '', '/');
});

function renderFlowPage(email: string) {
  return render(
    <I18nextProvider i18n={createTestI18n()}>
      <MemoryRouter initialEntries={[{ pathname: '/flows/invite-not-received', state: { email } }]}>
        <Routes>
          <Route path="flows/:flowId/*" element={<FlowPage />} />
        </Routes>
      </MemoryRouter>
    </I18nextProvider>,
  );
}

describe('the browser tab title of a flow page', () => {
  it('names a side effect waiting for its second press by its question, not by the "…ing" title of the call', async () => {
    const user = userEvent.setup();
    renderFlowPage('ana.invited@example.com');
    const answer = async (heading: string, option: string) => {
      await screen.findByRole('heading', { level: 1, name: heading }, { timeout: 5000 });
      await expect.poll(() => document.title).toBe(`${heading} – Invite Doctor`);
      await user.click(screen.getByRole('radio', { name: option }));
      await user.click(screen.getByRole('button', { name: 'Continue' }));
    };
    await answer('Ask them to look in junk and spam', 'Not there either');
    await answer('Ask them to search every folder', 'Still not found');
    await answer('Confirm the address with them', 'The address is right');

    await screen.findByRole('heading', { level: 1, name: 'Send a new invitation?' }, { timeout: 5000 });
    await expect.poll(() => document.title).toBe('Send a new invitation? – Invite Doctor');
    expect(document.title).not.toMatch(/Resending/);

    // Once confirmed, the call is what is happening: the tab says so.
    await user.click(screen.getByRole('button', { name: 'Send the invitation' }));
    await expect.poll(() => document.title).not.toMatch(/^Send a new invitation\?/);
  });
});
