import { useMemo } from 'react';
import { createFormatters, type Formatters } from './createFormatters.ts';
import { useFormattingLocale } from './useFormattingLocale.ts';

/** Date formatters for the current language. */
export function useFormatters(): Formatters {
  const locale = useFormattingLocale();
  return useMemo(() => createFormatters(locale), [locale]);
}
