// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { forgetAppBackend } from '../../../../src/app/appBackend.ts';
import { FlowPage } from '../../../../src/app/FlowPage.tsx';
import { readLocalSessionEvents } from '../../../../src/app/insights/createLocalEventSink.ts';
import { createTestI18n } from '../../ui/renderFlowRunner.tsx';

beforeEach(() => {
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

function renderFlowPage(entry: { pathname: string; search?: string; state?: unknown }) {
  return render(
    <I18nextProvider i18n={createTestI18n()}>
      <MemoryRouter initialEntries={[entry]}>
        <Routes>
          <Route path="flows/:flowId/*" element={<FlowPage />} />
        </Routes>
      </MemoryRouter>
    </I18nextProvider>,
  );
}

describe('what the flow page records of a session (the demo keeps it in this browser)', () => {
  it('records the start and one event per new step, with ids only, and nothing when a reload resumes the same step', async () => {
    const user = userEvent.setup();
    renderFlowPage({ pathname: '/flows/invite-not-received', state: { email: 'ana.invited@example.com' } });
    await screen.findByRole('heading', { level: 1, name: 'Ask them to look in junk and spam' }, { timeout: 15_000 });
    await user.click(screen.getByRole('radio', { name: 'Not there either' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { level: 1, name: 'Ask them to search every folder' }, { timeout: 15_000 });

    const events = readLocalSessionEvents(localStorage);
    expect(events[0]).toMatchObject({ kind: 'started', flowId: 'invite-not-received', mode: 'admin' });
    const stepIds = events.filter((event) => event.kind === 'step').map((event) => event.stepId);
    expect(stepIds.length).toBeGreaterThan(0);
    expect(new Set(stepIds).size).toBe(stepIds.length);
    expect(new Set(events.map((event) => event.sessionId)).size).toBe(1);
    expect(JSON.stringify(localStorage.getItem('invite-doctor:session-events'))).not.toContain('ana.invited');

    // A reload: the same URL, a fresh page.
    const last = events.at(-1);
    cleanup();
    forgetAppBackend();
    renderFlowPage({ pathname: `/flows/invite-not-received/steps/${last?.stepId ?? ''}`, search: `?session=${last?.sessionId ?? ''}` });
    await screen.findByRole('heading', { level: 1, name: 'Ask them to search every folder' }, { timeout: 15_000 });
    expect(readLocalSessionEvents(localStorage)).toEqual(events);
  }, 60_000);
});
