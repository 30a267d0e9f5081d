import { useText } from '../ui/useText.ts';
import { useSettingsStore, type Theme } from './useSettingsStore.ts';

const themes: Theme[] = ['system', 'light', 'dark'];

/** Light, dark, or whatever the system prefers. */
export function ThemeSwitcher() {
  const theme = useSettingsStore((state) => state.theme);
  const setTheme = useSettingsStore((state) => state.setTheme);
  const text = useText();
  return (
    <label className="id-inline-field">
      <span>{text('app.settings.theme')}</span>
      <select className="id-select" value={theme} onChange={(event) => setTheme(event.target.value as Theme)}>
        {themes.map((option) => (
          <option key={option} value={option}>
            {text(`app.settings.themes.${option}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
