import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { unescapeText } from './unescapeText.ts';
import type { Translate } from './itTicketText.ts';

/**
 * `t` for this app: a key's first segment names its file (`app.…`, `flows.…`, `diagnostics.…`),
 * which is also its i18next namespace. Returns text for React to render as text.
 */
export function useText(): Translate {
  const { t } = useTranslation(['app', 'flows']);
  return useCallback(
    (key: string, params?: Record<string, unknown>) => unescapeText(String(t(key, { ns: namespaceOf(key), ...params }))),
    [t],
  );
}

function namespaceOf(key: string): string {
  const dot = key.indexOf('.');
  return dot > 0 ? key.slice(0, dot) : 'app';
}
