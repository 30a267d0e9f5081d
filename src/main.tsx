import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { createI18n } from './app/createI18n.ts';
import { detectLocale, localeDirection } from './app/supportedLocales.ts';
import { useSettingsStore } from './app/useSettingsStore.ts';
import { rootErrorOptions } from './ui/ErrorBoundary.tsx';
import './ui/theme.css';
import './app/app.css';

const lng = useSettingsStore.getState().locale ?? detectLocale(navigator.languages);
const i18n = createI18n({ lng });
document.documentElement.lang = lng;
document.documentElement.dir = localeDirection(lng);
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  document.documentElement.dir = localeDirection(language);
});

// Render once the start-up texts are in: a first render that suspends on them makes React 19
// hold the reveal back for its fallback throttle (~300 ms), which the bench measured. If the
// texts fail to load, render anyway and let the app's own Suspense and error paths speak.
const render = () =>
  createRoot(document.getElementById('root') as HTMLElement, rootErrorOptions).render(
    <StrictMode>
      <App i18n={i18n} />
    </StrictMode>,
  );
void i18n.loadNamespaces(['app']).then(render, render);
