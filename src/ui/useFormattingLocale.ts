import { useTranslation } from 'react-i18next';
import { formattingLocale } from './formattingLocale.ts';

/** The locale dates are formatted in: the chosen language, in the browser's regional variant. */
export function useFormattingLocale(): string {
  const { i18n } = useTranslation();
  return formattingLocale(i18n.language, typeof navigator === 'undefined' ? undefined : navigator.languages);
}
