import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { createI18n } from './app/createI18n.ts';
import { detectLocale } from './app/supportedLocales.ts';
import { useSettingsStore } from './app/useSettingsStore.ts';
import './ui/theme.css';
import './app/app.css';

const lng = useSettingsStore.getState().locale ?? detectLocale(navigator.languages);
const i18n = createI18n({ lng });
document.documentElement.lang = lng;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App i18n={i18n} />
  </StrictMode>,
);
