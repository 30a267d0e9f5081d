import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Locale } from './supportedLocales.ts';

export type Theme = 'system' | 'light' | 'dark';
export type SessionOutcome = 'resolved' | 'escalated' | 'not-resolved' | 'handed-over';

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
  setLocale(locale: Locale): void;
  setTheme(theme: Theme): void;
  setAgentMode(on: boolean): void;
  saveRecentSession(session: RecentSession): void;
  removeRecentSession(id: string): void;
  clearRecentSessions(): void;
}

const maxRecentSessions = 20;

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
    }),
    {
      name: 'invite-doctor:settings',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ locale, theme, agentMode, recentSessions }) => ({ locale, theme, agentMode, recentSessions }),
    },
  ),
);
