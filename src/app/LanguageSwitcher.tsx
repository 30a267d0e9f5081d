import { useTranslation } from 'react-i18next';
import { useText } from '../ui/useText.ts';
import { isLocale, localeNames, supportedLocales } from './supportedLocales.ts';
import { useSettingsStore } from './useSettingsStore.ts';

/** Picks the language; the choice is remembered and overrides the browser's. */
export function LanguageSwitcher() {
  const { i18n } = useTranslation();
  const setLocale = useSettingsStore((state) => state.setLocale);
  const text = useText();
  const current = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return (
    <label className="id-inline-field">
      <span>{text('app.settings.language')}</span>
      <select
        className="id-select"
        value={current}
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          setLocale(next);
          void i18n.changeLanguage(next);
        }}
      >
        {supportedLocales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {localeNames[locale]}
          </option>
        ))}
      </select>
    </label>
  );
}
