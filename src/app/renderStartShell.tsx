import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { AppRoutes } from './App.tsx';
import { createI18n } from './createI18n.ts';
import type { Locale } from './supportedLocales.ts';

export interface StartShell {
  /** The start page's markup (`AppShell` + `StartPage`), exactly what the app renders at `/`. */
  html: string;
  /** The document title the start page sets. */
  title: string;
}

/**
 * Renders the start route in `locale` to static HTML, at build time (see
 * `scripts/startShellPlugin.ts`). The texts load first, so nothing suspends; a render that did
 * suspend would hold a fallback instead of the field, and is refused.
 */
export async function renderStartShell(locale: Locale): Promise<StartShell> {
  const i18n = createI18n({ lng: locale });
  // `app` only, as the browser boots: a start page that needed more would suspend and be refused.
  await i18n.loadNamespaces(['app']);
  if (!i18n.isInitialized) await new Promise((resolve) => i18n.on('initialized', resolve));
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={['/']}>
        <AppRoutes />
      </MemoryRouter>
    </I18nextProvider>,
  );
  if (!html.includes('id="start-email"')) throw new Error(`the start page (${locale}) rendered without its email field: something suspended`);
  return { html, title: `${i18n.t('app.start.title')} – ${i18n.t('app.name')}` };
}
