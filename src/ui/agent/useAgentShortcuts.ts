import { useEffect, useEffectEvent } from 'react';
import { shortcutFor, type AgentKeyPress } from './agentKeymap.ts';

/**
 * Listens for agent-mode keys on the whole document while `enabled` (off while a dialog is open;
 * the dialog owns the keyboard then). `onShortcut` returns `false` when it did nothing with the
 * key, so the key keeps its usual meaning.
 */
export function useAgentShortcuts(onShortcut: (press: AgentKeyPress) => boolean, enabled: boolean): void {
  const handle = useEffectEvent((event: KeyboardEvent) => {
    const press = shortcutFor(event);
    if (press && onShortcut(press)) event.preventDefault();
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => handle(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [enabled]);
}
