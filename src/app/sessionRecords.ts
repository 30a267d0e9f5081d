import type { SessionRecord } from '../engine/index.ts';
import { reportStorage } from './storageHealth.ts';

const prefix = 'invite-doctor:session:';

/** How long a saved session is kept unless the settings say otherwise. */
export const defaultRetentionDays = 30;
const dayMs = 86_400_000;

/** What became of a save: `full` is the browser's storage quota, `unavailable` storage blocked or missing. */
export type SaveResult = 'saved' | 'full' | 'unavailable';

/**
 * Saved session snapshots, one localStorage entry per session. What is stored comes from the
 * engine's `toSessionRecord`, which strips invite links and masks links and tokens in notes and
 * pasted texts; nothing here adds anything back. Records older than the retention are pruned.
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
  /**
   * Never throws: a full or blocked storage only means the session will not survive a reload.
   * When the storage is full, expired records are pruned and the save tried once more; what
   * happened is reported to `storageHealth`, which tells the person politely.
   */
  save(sessionId: string, record: SessionRecord, retentionDays: number = defaultRetentionDays): SaveResult {
    const storage = safeStorage();
    if (!storage) return 'unavailable';
    const text = JSON.stringify(record);
    let result = trySet(storage, prefix + sessionId, text);
    if (result === 'full' && sessionRecords.prune(record.savedAt, retentionDays).length > 0) result = trySet(storage, prefix + sessionId, text);
    reportStorage(result === 'full' ? 'full' : 'ok');
    return result;
  },
  remove(sessionId: string): void {
    try {
      safeStorage()?.removeItem(prefix + sessionId);
    } catch {
      // Blocked storage: nothing to remove.
    }
  },
  removeAll(): void {
    for (const key of sessionKeys()) sessionRecords.remove(key.slice(prefix.length));
  },
  /**
   * Removes saved sessions older than `retentionDays` (by `savedAt`), and records without a
   * readable `savedAt`. Returns the removed session ids. Unparsable text is left for the page
   * that opens it to report as unreadable.
   */
  prune(now: number, retentionDays: number = defaultRetentionDays): string[] {
    const cutoff = now - clampRetentionDays(retentionDays) * dayMs;
    const storage = safeStorage();
    if (!storage) return [];
    const removed: string[] = [];
    for (const key of sessionKeys()) {
      let savedAt: unknown;
      try {
        savedAt = (JSON.parse(storage.getItem(key) ?? 'null') as { savedAt?: unknown } | null)?.savedAt;
      } catch {
        continue;
      }
      if (typeof savedAt === 'number' && Number.isFinite(savedAt) && savedAt >= cutoff) continue;
      const id = key.slice(prefix.length);
      sessionRecords.remove(id);
      removed.push(id);
    }
    return removed;
  },
};

/** A retention from 1 day to 10 years; anything unreadable is the default. */
export function clampRetentionDays(days: unknown): number {
  if (typeof days !== 'number' || !Number.isFinite(days)) return defaultRetentionDays;
  return Math.min(3650, Math.max(1, Math.round(days)));
}

function trySet(storage: Storage, key: string, text: string): SaveResult {
  try {
    storage.setItem(key, text);
    return 'saved';
  } catch (error) {
    return isQuotaExceeded(error) ? 'full' : 'unavailable';
  }
}

/** `QuotaExceededError` (and Firefox's older `NS_ERROR_DOM_QUOTA_REACHED`, code 22 or 1014). */
export function isQuotaExceeded(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

function sessionKeys(): string[] {
  const storage = safeStorage();
  if (!storage) return [];
  try {
    return Array.from({ length: storage.length }, (_, index) => storage.key(index)).filter((key): key is string => key?.startsWith(prefix) ?? false);
  } catch {
    return [];
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
