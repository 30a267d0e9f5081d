import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * `t` for the widget's own texts (`locales/<lng>/widget.json`, keys `widget.…`). The launcher and
 * the frame need only this small file, so they show before the wizard's texts have loaded.
 */
export function useWidgetText(): (key: string, params?: Record<string, unknown>) => string {
  const { t } = useTranslation('widget');
  return useCallback((key: string, params?: Record<string, unknown>) => String(t(key, { ns: 'widget', ...params })), [t]);
}
