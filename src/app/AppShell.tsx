import { Suspense, useEffect } from 'react';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { useText } from '../ui/useText.ts';
import { AgentModeSwitch } from './agent/AgentModeSwitch.tsx';
import { appBackendConfig } from './appBackend.ts';
import { DemoBar } from './DemoBar.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { SignedInBadge } from './signIn/SignedInBadge.tsx';
import { ThemeSwitcher } from './ThemeSwitcher.tsx';
import { StorageNotice } from './StorageNotice.tsx';
import { pruneExpiredSessions, useSettingsStore } from './useSettingsStore.ts';
import { ViewErrorBoundary } from './ViewErrorBoundary.tsx';

/** Header, demo controls, the page, footer. Theme variables live on `.id-theme` (the widget reuses them). */
export function AppShell() {
  const text = useText();
  const theme = useSettingsStore((state) => state.theme);
  const isDemo = appBackendConfig().kind === 'memory';
  // Saved sessions older than the retention setting go when the app loads.
  useEffect(() => {
    pruneExpiredSessions(Date.now());
  }, []);
  return (
    <div className="id-theme id-app" data-theme={theme === 'system' ? undefined : theme}>
      <a href="#main" className="id-skip-link">
        {text('app.nav.skip')}
      </a>
      <header className="id-header">
        <div className="id-container id-header-inner">
          <Link to="/" className="id-brand">
            <span className="id-brand-mark" aria-hidden="true" />
            {text('app.name')}
          </Link>
          <nav aria-label={text('app.nav.label')} className="id-nav">
            <NavLink to="/" end>
              {text('app.nav.start')}
            </NavLink>
            <NavLink to="/invitations">{text('app.nav.invitations')}</NavLink>
            <NavLink to="/sessions">{text('app.nav.sessions')}</NavLink>
          </nav>
          <LanguageSwitcher />
          <AgentModeSwitch />
          {!isDemo && <SignedInBadge />}
        </div>
      </header>
      {isDemo && <DemoBar />}
      <main id="main" className="id-container id-main" tabIndex={-1}>
        <StorageNotice />
        <ViewErrorBoundary>
          <Suspense fallback={<p className="id-muted">{text('app.common.loading')}</p>}>
            <Outlet />
          </Suspense>
        </ViewErrorBoundary>
      </main>
      <footer className="id-footer">
        <div className="id-container id-footer-inner">
          <p className="id-muted">{text('app.footer')}</p>
          <ThemeSwitcher />
        </div>
      </footer>
    </div>
  );
}
