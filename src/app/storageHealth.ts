import { create } from 'zustand';

/**
 * Whether the browser's storage took the last save. Not persisted (it describes this tab now):
 * `full` shows the storage notice; the next successful save clears it.
 */
interface StorageHealth {
  full: boolean;
  /** The person closed the notice; it comes back only after storage worked again and filled up again. */
  dismissed: boolean;
  dismiss(): void;
}

export const useStorageHealth = create<StorageHealth>()((set) => ({
  full: false,
  dismissed: false,
  dismiss: () => set({ dismissed: true }),
}));

/** Called by every save to localStorage: `full` on a `QuotaExceededError`, `ok` after a save that worked. */
export function reportStorage(status: 'ok' | 'full'): void {
  const { full } = useStorageHealth.getState();
  if (status === 'full' && !full) useStorageHealth.setState({ full: true });
  if (status === 'ok' && full) useStorageHealth.setState({ full: false, dismissed: false });
}
