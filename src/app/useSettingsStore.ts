import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { clampRetentionDays, defaultRetentionDays, isQuotaExceeded, sessionRecords } from './sessionRecords.ts';
import { reportStorage } from './storageHealth.ts';
import type { Locale } from './supportedLocales.ts';

export type Theme = 'system' | 'light' | 'dark';
export type SessionOutcome = 'resolved' | 'escalated' | 'not-resolved' | 'waiting' | 'handed-over';

/** A line in "Recent sessions". Never holds an invite link: only where the session is. */
export interface RecentSession {
  id: string;
  flowId: string;
  email: string | null;
  startedAt: number;
  updatedAt: number;
  lastStepId: string;
  /** Translation key of the last step's title. */
  lastStepTitle: string | null;
  outcome: SessionOutcome | null;
  /** The session this one continues (a hand-over from another flow). */
  parent?: { flowId: string; sessionId: string } | undefined;
}

export interface SettingsState {
  /** `null`: follow the browser's languages. */
  locale: Locale | null;
  theme: Theme;
  /** Agent mode: the flow page's call layout (what to say vs. what to check, keys, timers, notes). */
  agentMode: boolean;
  recentSessions: RecentSession[];
  /** Saved sessions older than this many days are deleted when the app loads (default 30). */
  sessionRetentionDays: number;
  setLocale(locale: Locale): void;
  setTheme(theme: Theme): void;
  setAgentMode(on: boolean): void;
  saveRecentSession(session: RecentSession): void;
  removeRecentSession(id: string): void;
  clearRecentSessions(): void;
  setSessionRetentionDays(days: number): void;
}

const maxRecentSessions = 20;

/**
 * localStorage whose `setItem` never throws: a full storage (`QuotaExceededError`) is reported to
 * `storageHealth`, which tells the person; the settings stay in memory for this tab.
 */
const quotaSafeStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = {
  getItem: (name) => {
    try {
      return localStorage.getItem(name);
    } catch {
      return null;
    }
  },
  setItem: (name, value) => {
    try {
      localStorage.setItem(name, value);
      reportStorage('ok');
    } catch (error) {
      if (isQuotaExceeded(error)) reportStorage('full');
    }
  },
  removeItem: (name) => {
    try {
      localStorage.removeItem(name);
    } catch {
      // Blocked storage: nothing to remove.
    }
  },
};

/**
 * Shell state only (ARCHITECTURE.md): the running flow lives in its machine. Persisted to
 * localStorage; the session snapshots themselves are stored apart by `sessionRecords`.
 */
export const useSettingsStore = create<SettingsState>()(
  persist(
    (set) => ({
      locale: null,
      theme: 'system',
      agentMode: false,
      recentSessions: [],
      sessionRetentionDays: defaultRetentionDays,
      setLocale: (locale) => set({ locale }),
      setTheme: (theme) => set({ theme }),
      setAgentMode: (agentMode) => set({ agentMode }),
      saveRecentSession: (session) =>
        set((state) => ({
          recentSessions: [session, ...state.recentSessions.filter((item) => item.id !== session.id)]
            .sort((a, b) => b.updatedAt - a.updatedAt)
            .slice(0, maxRecentSessions),
        })),
      removeRecentSession: (id) => set((state) => ({ recentSessions: state.recentSessions.filter((item) => item.id !== id) })),
      clearRecentSessions: () => set({ recentSessions: [] }),
      setSessionRetentionDays: (days) => set({ sessionRetentionDays: clampRetentionDays(days) }),
    }),
    {
      name: 'invite-doctor:settings',
      version: 1,
      storage: createJSONStorage(() => quotaSafeStorage),
      partialize: ({ locale, theme, agentMode, recentSessions, sessionRetentionDays }) => ({ locale, theme, agentMode, recentSessions, sessionRetentionDays }),
    },
  ),
);

/**
 * Deletes saved sessions older than the retention setting, and their lines in "Recent sessions".
 * Run when the app loads; returns the ids removed.
 */
export function pruneExpiredSessions(now: number): string[] {
  const { sessionRetentionDays, recentSessions } = useSettingsStore.getState();
  const days = clampRetentionDays(sessionRetentionDays);
  const removed = new Set(sessionRecords.prune(now, days));
  const cutoff = now - days * 86_400_000;
  const expired = recentSessions.filter((session) => removed.has(session.id) || !(session.updatedAt >= cutoff));
  if (expired.length > 0) {
    for (const session of expired) {
      sessionRecords.remove(session.id);
      removed.add(session.id);
    }
    useSettingsStore.setState({ recentSessions: recentSessions.filter((session) => !expired.includes(session)) });
  }
  return [...removed];
}
