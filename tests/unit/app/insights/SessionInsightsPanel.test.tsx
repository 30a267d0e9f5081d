// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../../src/app/createI18n.ts';
import type { AppBackend, BackendConfig } from '../../../../src/app/appBackend.ts';
import { localSessionEventsKey } from '../../../../src/app/insights/createLocalEventSink.ts';
import { SessionInsightsPanel } from '../../../../src/app/invitations/insights/SessionInsightsPanel.tsx';
import type { SessionAnalyticsEvent, SessionInsights } from '../../../../src/engine/index.ts';
import app from '../../../../locales/en/app.json';
import flows from '../../../../locales/en/flows.json';
import insights from '../../../../locales/en/insights.json';

const backend = vi.hoisted(() => ({ config: { kind: 'memory' } as unknown as BackendConfig }));
vi.mock('../../../../src/app/appBackend.ts', async (importOriginal) => ({ ...(await importOriginal<typeof import('../../../../src/app/appBackend.ts')>()), appBackendConfig: () => backend.config }));

const appBackend = {} as AppBackend;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const event = (sessionId: string, kind: SessionAnalyticsEvent['kind'], minutes: number, extra: Partial<SessionAnalyticsEvent> = {}): SessionAnalyticsEvent => ({ sessionId, flowId: 'invite-not-received', kind, at: minutesAgo(minutes), mode: 'admin', ...extra });

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  backend.config = { kind: 'memory' } as unknown as BackendConfig;
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPanel() {
  const i18n = createI18n({ lng: 'en', resources: { en: { app, flows, insights } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <SessionInsightsPanel app={appBackend} />
    </I18nextProvider>,
  );
}

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((row) => [...within(row).getAllByRole('rowheader'), ...within(row).getAllByRole('cell')].map((cell) => cell.textContent));
const figure = (list: HTMLElement, term: string) => within(list).getByText(term).nextElementSibling?.textContent;

describe('SessionInsightsPanel', () => {
  it('says so when no session has been recorded yet', async () => {
    renderPanel();
    expect(await screen.findByText(/No sessions recorded yet/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('summarises the demo sessions of this browser: outcomes, the steps where people give up by title, the median and the answers', async () => {
    const events = [
      event('a', 'started', 120, { stepId: 'askEmail' }),
      event('a', 'ended', 118, { result: 'resolved' }),
      event('a', 'feedback', 117, { helpful: true }),
      event('b', 'started', 120, { stepId: 'askEmail' }),
      event('b', 'step', 119, { stepId: 'askSso' }),
      event('c', 'started', 100, { stepId: 'askEmail' }),
      event('c', 'step', 99, { stepId: 'askSso' }),
      event('d', 'started', 100, { stepId: 'askEmail' }),
      event('d', 'step', 99, { stepId: 'stepNobodyKnows' }),
      event('e', 'started', 5, { stepId: 'askEmail' }),
    ];
    localStorage.setItem(localSessionEventsKey, JSON.stringify(events));
    renderPanel();
    const table = await screen.findByRole('table', { name: /Steps where abandoned sessions stopped/ });
    expect(rowsOf(table)).toEqual([
      ['Does this person sign in with your company login (SSO)?', 'Invitation email not received', '2'],
      ['stepNobodyKnows', 'Invitation email not received', '1'],
    ]);
    const outcomes = screen.getByRole('heading', { name: 'How sessions ended' }).nextElementSibling as HTMLElement;
    expect([figure(outcomes, 'Sessions'), figure(outcomes, 'Resolved'), figure(outcomes, 'Abandoned'), figure(outcomes, 'Still open')]).toEqual(['5', '1', '3', '1']);
    expect(screen.getByText('2 minutes')).toBeTruthy();
    expect(screen.getByText(/counted in this browser only/)).toBeTruthy();
  });

  it('asks the server with the key in the header when there is one, and shows its figures', async () => {
    backend.config = { kind: 'server', baseUrl: 'https://doctor.example.com' };
    sessionStorage.setItem('invite-doctor.api-key', 'idk_panelKey');
    const answer: SessionInsights = { sessions: { total: 7, resolved: 4, escalated: 1, notResolved: 1, open: 0, abandoned: 1 }, dropOffSteps: [{ flowId: 'invite-not-received', stepId: 'askEmail', count: 1 }], medianSecondsToResolution: 45, feedback: { helpful: 3, notHelpful: 1 } };
    const fetch = vi.fn(async () => new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    renderPanel();
    const table = await screen.findByRole('table');
    expect(rowsOf(table)).toEqual([['Who is missing their invitation?', expect.any(String), '1']]);
    expect(screen.getByText('45 seconds')).toBeTruthy();
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://doctor.example.com/v1/session-insights?days=30');
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer idk_panelKey');
    const feedback = screen.getByRole('heading', { name: 'Did this help?' }).nextElementSibling as HTMLElement;
    expect([figure(feedback, 'Yes'), figure(feedback, 'No')]).toEqual(['3', '1']);
  });

  it('offers to try again when the server fails, and loads on retry', async () => {
    backend.config = { kind: 'server', baseUrl: 'https://doctor.example.com' };
    const answers = [new Response('{}', { status: 200 }), new Response(JSON.stringify({ sessions: { total: 0, resolved: 0, escalated: 0, notResolved: 0, open: 0, abandoned: 0 }, dropOffSteps: [], medianSecondsToResolution: null, feedback: { helpful: 0, notHelpful: 0 } }), { status: 200 })];
    vi.stubGlobal('fetch', vi.fn(async () => answers.shift()));
    renderPanel();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/could not be loaded/);
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/No sessions recorded yet/)).toBeTruthy();
  });
});
