import type { SessionRecord } from '../engine/index.ts';

const prefix = 'invite-doctor:session:';

/**
 * Saved session snapshots, one localStorage entry per session. What is stored comes from the
 * engine's `toSessionRecord`, which strips invite links; nothing here adds anything back.
 */
export const sessionRecords = {
  load(sessionId: string): unknown {
    const text = safeStorage()?.getItem(prefix + sessionId);
    if (!text) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return { malformed: true };
    }
  },
  save(sessionId: string, record: SessionRecord): void {
    try {
      safeStorage()?.setItem(prefix + sessionId, JSON.stringify(record));
    } catch {
      // Storage full or blocked: the session still runs, it just will not survive a reload.
    }
  },
  remove(sessionId: string): void {
    safeStorage()?.removeItem(prefix + sessionId);
  },
  removeAll(): void {
    const storage = safeStorage();
    if (!storage) return;
    const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index)).filter((key): key is string => key?.startsWith(prefix) ?? false);
    for (const key of keys) storage.removeItem(key);
  },
};

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
