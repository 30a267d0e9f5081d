import { Suspense, useEffect, useSyncExternalStore, type CSSProperties } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { localeDirection } from '../app/supportedLocales.ts';
import { ButtonLauncher } from './ButtonLauncher.tsx';
import type { WidgetStore } from './createWidgetStore.ts';
import type { FocusGuard } from './createFocusGuard.ts';
import { InlineLauncher } from './InlineLauncher.tsx';
import { WidgetSession } from './WidgetSession.tsx';
import type { WidgetTheme } from './WidgetOptions.ts';

export interface WidgetProps {
  store: WidgetStore;
  i18n: I18n;
  /** The element events are dispatched on. */
  host: HTMLElement;
  focusGuard: FocusGuard;
}

/** The widget's React root: its own i18n instance, the theme, the launcher, and the session inside. */
export function Widget({ store, i18n, host, focusGuard }: WidgetProps) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const { options } = state;
  useEffect(() => {
    if (i18n.resolvedLanguage !== options.locale) void i18n.changeLanguage(options.locale);
  }, [i18n, options.locale]);

  const session = <WidgetSession store={store} host={host} />;
  return (
    <I18nextProvider i18n={i18n}>
      <div
        className={`id-theme id-widget id-widget--${options.launcher}`}
        data-theme={options.colorScheme === 'system' ? undefined : options.colorScheme}
        lang={options.locale}
        // The shadow root's own direction: the host page's `dir` is neither read nor changed.
        dir={localeDirection(options.locale)}
        style={themeStyle(options.theme)}
      >
        <Suspense fallback={null}>
          {options.launcher === 'button' ? (
            <ButtonLauncher open={state.open} onOpen={() => store.open()} onClose={() => store.close()} focusGuard={focusGuard} demo={options.demo && !options.backend && !options.bridge}>
              {state.opened && session}
            </ButtonLauncher>
          ) : (
            <InlineLauncher demo={options.demo && !options.backend && !options.bridge}>{session}</InlineLauncher>
          )}
        </Suspense>
      </div>
    </I18nextProvider>
  );
}

/** Only the theme's own custom properties; anything else a host passes is ignored. */
function themeStyle(theme: WidgetTheme | undefined): CSSProperties | undefined {
  if (!theme) return undefined;
  const entries = Object.entries(theme).filter(([name, value]) => /^--id-[a-z0-9-]+$/.test(name) && typeof value === 'string');
  return entries.length > 0 ? (Object.fromEntries(entries) as CSSProperties) : undefined;
}
