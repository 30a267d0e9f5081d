import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { unescapeText } from './unescapeText.ts';
import type { Translate } from './itTicketText.ts';

/**
 * `t` for this app: a key's first segment names its file (`app.…`, `flows.…`, `diagnostics.…`),
 * which is also its i18next namespace. Returns text for React to render as text. A `variant`
 * param (see `stepTextParams`) picks `<key>_<variant>` where that text exists, the key otherwise.
 */
export function useText(): Translate {
  const { t, i18n } = useTranslation(['app', 'flows']);
  return useCallback(
    (key: string, params?: Record<string, unknown>) => {
      const ns = namespaceOf(key);
      const variant = typeof params?.variant === 'string' ? `${key}_${params.variant}` : null;
      const chosen = variant && i18n.exists(variant, { ns }) ? variant : key;
      return unescapeText(String(t(chosen, { ns, ...params })));
    },
    [t, i18n],
  );
}

function namespaceOf(key: string): string {
  const dot = key.indexOf('.');
  return dot > 0 ? key.slice(0, dot) : 'app';
}
