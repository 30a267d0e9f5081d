import { useEffect } from 'react';

/**
 * Runs `load` once the browser is idle after the first paint (or after a second where there is no
 * `requestIdleCallback`): what the next view needs arrives before it is asked for, without
 * competing with the page being shown.
 */
export function useIdleLoad(load: () => unknown): void {
  useEffect(() => {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(() => void load(), { timeout: 3000 });
      return () => cancelIdleCallback(handle);
    }
    const handle = setTimeout(() => void load(), 1000);
    return () => clearTimeout(handle);
    // Once per mount: what to load does not change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
