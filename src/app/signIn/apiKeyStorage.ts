/** Where the server's API key lives: this tab's sessionStorage only, never localStorage or a URL. */
export const apiKeyStorageKey = 'invite-doctor.api-key';

/** The signed-in key of this tab. Every method tolerates a missing or refusing sessionStorage. */
export const apiKeyStorage = {
  read(): string | undefined {
    try {
      return sessionStorage.getItem(apiKeyStorageKey) ?? undefined;
    } catch {
      return undefined;
    }
  },
  save(key: string): void {
    sessionStorage.setItem(apiKeyStorageKey, key);
  },
  clear(): void {
    try {
      sessionStorage.removeItem(apiKeyStorageKey);
    } catch {
      // Nothing was stored.
    }
  },
};
