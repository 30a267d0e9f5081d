// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../../src/app/createI18n.ts';
import { forgetAppBackend } from '../../../../src/app/appBackend.ts';
import { readLocalSessionEvents } from '../../../../src/app/insights/createLocalEventSink.ts';
import { SessionFeedback } from '../../../../src/app/insights/SessionFeedback.tsx';
import app from '../../../../locales/en/app.json';
import flows from '../../../../locales/en/flows.json';
import insights from '../../../../locales/en/insights.json';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  forgetAppBackend();
});
afterEach(cleanup);

function renderFeedback(sessionId = 'sess01') {
  const i18n = createI18n({ lng: 'en', resources: { en: { app, flows, insights } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <SessionFeedback sessionId={sessionId} flowId="invite-not-received" mode="agent" />
    </I18nextProvider>,
  );
}

describe('the "did this help?" question', () => {
  it('takes an answer from the keyboard, thanks with focus and an announcement, and reports it once', async () => {
    const user = userEvent.setup();
    renderFeedback();
    expect(screen.getByRole('heading', { name: 'Did this help?' })).toBeTruthy();
    const group = screen.getByRole('group', { name: 'Did this help?' });
    expect(group).toBeTruthy();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Yes' }));
    await user.tab();
    await user.keyboard('{Enter}');
    const status = screen.getByRole('status');
    expect(status.textContent).toMatch(/Thank you/);
    expect(document.activeElement).toBe(status);
    expect(screen.queryByRole('button', { name: 'No' })).toBeNull();
    expect(readLocalSessionEvents(localStorage)).toEqual([{ sessionId: 'sess01', flowId: 'invite-not-received', kind: 'feedback', at: expect.any(String), helpful: false, mode: 'agent' }]);
  });

  it('does not ask again for a session already answered, after a reload', async () => {
    const user = userEvent.setup();
    renderFeedback();
    await user.click(screen.getByRole('button', { name: 'Yes' }));
    cleanup();
    renderFeedback();
    expect(screen.queryByRole('button', { name: 'Yes' })).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(/already answered/);
    expect(readLocalSessionEvents(localStorage)).toHaveLength(1);
  });

  it('asks again for another session', () => {
    localStorage.setItem('invite-doctor:session-feedback', JSON.stringify(['sess01']));
    renderFeedback('sess02');
    expect(screen.getByRole('button', { name: 'Yes' })).toBeTruthy();
  });
});
