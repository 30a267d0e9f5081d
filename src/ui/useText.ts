import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isolateParams } from './isolateParams.ts';
import { unescapeText } from './unescapeText.ts';
import type { Translate } from './itTicketText.ts';
import { useFormattingLocale } from './useFormattingLocale.ts';

/**
 * `t` for this app: a key's first segment names its file (`app.…`, `flows.…`, `diagnostics.…`),
 * which is also its i18next namespace. Returns text for React to render as text. A `variant`
 * param (see `stepTextParams`) picks `<key>_<variant>` where that text exists, the key otherwise.
 * A number given as a param is shown through `Intl.NumberFormat` in the formatting locale
 * ("10,000", "10 000", "١٠٬٠٠٠"); `count` still picks the plural form by its numeric value.
 */
export function useText(): Translate {
  // Waits for `app` only: the start page needs nothing else. Views that show the flows' texts sit
  // below `WithFlowTexts` (routes) or load `flows` themselves (FlowRunner, the widget).
  const { t, i18n } = useTranslation('app');
  const locale = useFormattingLocale();
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  return useCallback(
    (key: string, params?: Record<string, unknown>) => {
      const ns = namespaceOf(key);
      const variant = typeof params?.variant === 'string' ? `${key}_${params.variant}` : null;
      const chosen = variant && i18n.exists(variant, { ns }) ? variant : key;
      // i18next interpolates from `replace` when it is given, and picks the plural by `count`.
      const replace = params && Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'number' && Number.isFinite(value) ? number.format(value) : value]));
      // Right to left, an address or a code inside a sentence keeps its own order (isolateParams).
      const values = replace && i18n.dir(i18n.resolvedLanguage ?? i18n.language) === 'rtl' ? isolateParams(replace) : replace;
      return unescapeText(String(t(chosen, { ns, ...params, ...(values ? { replace: values } : {}) })));
    },
    [t, i18n, number],
  );
}

function namespaceOf(key: string): string {
  const dot = key.indexOf('.');
  return dot > 0 ? key.slice(0, dot) : 'app';
}
