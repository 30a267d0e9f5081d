import { resolveWidgetOptions, type ResolvedWidgetOptions } from './resolveWidgetOptions.ts';
import type { WidgetOptions } from './WidgetOptions.ts';

/** One session of one flow; a new `key` mounts a new session. */
export interface WidgetSessionPlan {
  key: number;
  flowId: string;
  email: string | null;
}

export interface WidgetState {
  options: ResolvedWidgetOptions;
  /** The dialog is open (button launcher). */
  open: boolean;
  /** The dialog has been opened at least once: the session mounts then, not on page load. */
  opened: boolean;
  session: WidgetSessionPlan;
}

/** The widget's state outside React, so commands from the host work before and after render. */
export interface WidgetStore {
  getState(): WidgetState;
  subscribe(listener: () => void): () => void;
  update(options: Partial<WidgetOptions>): void;
  open(): void;
  close(): void;
  restart(): void;
  prefill(email: string): void;
  /** A `flow` step handed the case to another flow. */
  jump(flowId: string, email: string | null): void;
}

export function createWidgetStore(initial: WidgetOptions, hostLanguage?: string | null): WidgetStore {
  let raw: WidgetOptions = { ...initial };
  const options = resolveWidgetOptions(raw, hostLanguage);
  let state: WidgetState = {
    options,
    open: false,
    opened: options.launcher === 'inline',
    session: { key: 1, flowId: options.flow, email: options.email ?? null },
  };
  const listeners = new Set<() => void>();
  const set = (next: Partial<WidgetState>) => {
    state = { ...state, ...next };
    for (const listener of [...listeners]) listener();
  };
  const newSession = (flowId: string, email: string | null) => ({ key: state.session.key + 1, flowId, email });

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(changes) {
      raw = { ...raw, ...changes };
      const next = resolveWidgetOptions(raw, hostLanguage);
      const restart = next.flow !== state.options.flow || (next.email ?? null) !== (state.options.email ?? null);
      set({
        options: next,
        opened: state.opened || next.launcher === 'inline',
        ...(restart ? { session: newSession(next.flow, next.email ?? null) } : {}),
      });
    },
    open: () => set({ open: true, opened: true }),
    close: () => set({ open: false }),
    restart: () => set({ session: newSession(state.options.flow, state.options.email ?? null) }),
    prefill(email) {
      raw = { ...raw, email };
      const next = resolveWidgetOptions(raw, hostLanguage);
      set({ options: next, session: newSession(next.flow, next.email ?? null) });
    },
    jump: (flowId, email) => set({ session: newSession(flowId, email) }),
  };
}
