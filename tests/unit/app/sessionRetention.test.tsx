// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import type { SessionRecord } from '../../../src/engine/index.ts';
import { clampRetentionDays, sessionRecords } from '../../../src/app/sessionRecords.ts';
import { useStorageHealth } from '../../../src/app/storageHealth.ts';
import { StorageNotice } from '../../../src/app/StorageNotice.tsx';
import { pruneExpiredSessions, useSettingsStore, type RecentSession } from '../../../src/app/useSettingsStore.ts';
import { createI18n } from '../../../src/app/createI18n.ts';
import enApp from '../../../locales/en/app.json';
import deApp from '../../../locales/de/app.json';
import svApp from '../../../locales/sv/app.json';

const day = 86_400_000;
const now = Date.UTC(2026, 10, 29, 12);
const record = (savedAt: number): SessionRecord => ({ flowId: 'invite-not-received', flowHash: 'h1', savedAt, snapshot: { value: 'a', context: {} } });
const recent = (id: string, updatedAt: number): RecentSession => ({ id, flowId: 'invite-not-received', email: null, startedAt: updatedAt, updatedAt, lastStepId: 'a', lastStepTitle: null, outcome: null });

function quotaExceeded(): never {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

beforeEach(() => {
  localStorage.clear();
  useStorageHealth.setState({ full: false, dismissed: false });
  useSettingsStore.setState({ recentSessions: [], sessionRetentionDays: 30 });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('session retention', () => {
  it('keeps sessions for 30 days by default and bounds the setting', () => {
    expect(useSettingsStore.getState().sessionRetentionDays).toBe(30);
    useSettingsStore.getState().setSessionRetentionDays(0);
    expect(useSettingsStore.getState().sessionRetentionDays).toBe(1);
    expect(clampRetentionDays(Number.NaN)).toBe(30);
    expect(clampRetentionDays(1e9)).toBe(3650);
  });

  it('prunes records older than the retention, and records without a date, when the app loads', () => {
    sessionRecords.save('old', record(now - 31 * day));
    sessionRecords.save('new', record(now - 29 * day));
    localStorage.setItem('invite-doctor:session:undated', JSON.stringify({ flowId: 'x', flowHash: 'h', snapshot: {} }));
    localStorage.setItem('invite-doctor:session:garbled', '{not json');
    localStorage.setItem('unrelated', 'stays');
    useSettingsStore.setState({ recentSessions: [recent('new', now - 29 * day), recent('old', now - 31 * day), recent('gone', now - 40 * day)] });

    expect(pruneExpiredSessions(now).sort()).toEqual(['gone', 'old', 'undated']);
    expect(sessionRecords.load('old')).toBeNull();
    expect(sessionRecords.load('new')).toMatchObject({ savedAt: now - 29 * day });
    expect(sessionRecords.load('garbled')).toEqual({ malformed: true });
    expect(localStorage.getItem('unrelated')).toBe('stays');
    expect(useSettingsStore.getState().recentSessions.map((session) => session.id)).toEqual(['new']);
  });

  it('follows a shorter retention', () => {
    sessionRecords.save('week-old', record(now - 8 * day));
    useSettingsStore.getState().setSessionRetentionDays(7);
    expect(pruneExpiredSessions(now)).toEqual(['week-old']);
  });
});

describe('a full storage', () => {
  it('never throws, reports full, and clears the report after a save that works', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(quotaExceeded);
    expect(sessionRecords.save('s1', record(now))).toBe('full');
    expect(useStorageHealth.getState().full).toBe(true);
    setItem.mockRestore();
    expect(sessionRecords.save('s1', record(now))).toBe('saved');
    expect(useStorageHealth.getState().full).toBe(false);
  });

  it('makes room by pruning expired sessions and saves after all', () => {
    sessionRecords.save('old', record(now - 60 * day));
    const original = Storage.prototype.setItem;
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key: string, value: string) {
      if (this.getItem('invite-doctor:session:old') !== null) quotaExceeded();
      original.call(this, key, value);
    });
    expect(sessionRecords.save('s1', record(now))).toBe('saved');
    expect(sessionRecords.load('old')).toBeNull();
    expect(useStorageHealth.getState().full).toBe(false);
  });

  it('keeps the settings in memory when they cannot be written', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(quotaExceeded);
    expect(() => useSettingsStore.getState().setTheme('dark')).not.toThrow();
    expect(useSettingsStore.getState().theme).toBe('dark');
    expect(useStorageHealth.getState().full).toBe(true);
    useSettingsStore.getState().setTheme('system');
  });

  it.each([
    ['en', enApp, /storage is full/],
    ['de', deApp, /Speicher dieses Browsers ist voll/],
    ['sv', svApp, /lagring är full/],
  ] as const)('tells the person politely in %s, and the notice can be dismissed', async (lng, resources, message) => {
    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={createI18n({ lng, resources: { [lng]: { app: resources } } })}>
        <MemoryRouter>
          <StorageNotice />
        </MemoryRouter>
      </I18nextProvider>,
    );
    const status = screen.getByRole('status');
    expect(status).toBeEmptyDOMElement();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(quotaExceeded);
    act(() => void sessionRecords.save('s1', record(now)));
    expect(status).toHaveTextContent(message);
    expect(within(status).getByRole('link')).toHaveAttribute('href', '/sessions');
    await user.click(within(status).getByRole('button'));
    expect(status).toBeEmptyDOMElement();
  });
});

describe('the retention setting on the sessions page', () => {
  it('offers how long to keep sessions and prunes at once when shortened', async () => {
    const { SessionsPage } = await import('../../../src/app/SessionsPage.tsx');
    sessionRecords.save('fresh', record(Date.now() - 2 * day));
    sessionRecords.save('older', record(Date.now() - 10 * day));
    useSettingsStore.setState({ recentSessions: [recent('fresh', Date.now() - 2 * day), recent('older', Date.now() - 10 * day)] });
    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={createI18n({ lng: 'en', resources: { en: { app: enApp } } })}>
        <MemoryRouter>
          <SessionsPage />
        </MemoryRouter>
      </I18nextProvider>,
    );
    const select = screen.getByRole('combobox', { name: 'Keep saved sessions for' });
    expect(select).toHaveValue('30');
    expect(within(select).getByRole('option', { name: '30 days' })).toBeInTheDocument();
    await user.selectOptions(select, '7 days');
    expect(useSettingsStore.getState().sessionRetentionDays).toBe(7);
    expect(sessionRecords.load('older')).toBeNull();
    expect(sessionRecords.load('fresh')).not.toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });
});

describe('the sessions page', () => {
  it('names the last step by its title, and a session without one by a generic name, never by step id', async () => {
    const { SessionsPage } = await import('../../../src/app/SessionsPage.tsx');
    const atCheck: RecentSession = { ...recent('atCheck', Date.now()), lastStepId: 'checkSpam', lastStepTitle: 'app.transcript.untitledStep', email: 'ana@example.com' };
    const older: RecentSession = { ...recent('older', Date.now() - day), lastStepId: 'stepOfAnEarlierVersion' };
    useSettingsStore.setState({ recentSessions: [atCheck, older] });
    render(
      <I18nextProvider i18n={createI18n({ lng: 'en', resources: { en: { app: enApp } } })}>
        <MemoryRouter>
          <SessionsPage />
        </MemoryRouter>
      </I18nextProvider>,
    );
    const lastSteps = screen.getAllByText('Last step').map((term) => term.nextElementSibling?.textContent);
    expect(lastSteps).toEqual(['An automatic check', 'A step this check no longer has']);
    expect(screen.queryByText(/checkSpam|stepOfAnEarlierVersion/)).not.toBeInTheDocument();
  });
});
