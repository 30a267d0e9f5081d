import { Suspense, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
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

/**
 * Header, demo controls, the page, footer. Theme variables live on `.id-theme` (the widget reuses them).
 * On a phone the header is one row, the brand and a Menu button; the navigation and the settings
 * open under it (a disclosure: the first link takes the focus, Escape closes and returns it to the
 * button, a followed link closes it). From 40rem up they sit in the row and the button is hidden.
 */
export function AppShell() {
  const text = useText();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const toggleMenu = () => {
    setMenuOpen(!menuOpen);
    // After React shows the menu: its first link takes the focus.
    if (!menuOpen) requestAnimationFrame(() => menu.current?.querySelector<HTMLElement>('a, select, input')?.focus());
  };
  const onMenuKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    // Handled here: agent mode's Escape (focus the step) skips a prevented key.
    event.preventDefault();
    setMenuOpen(false);
    menuButton.current?.focus();
  };
  const onMenuClick = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest('a')) setMenuOpen(false);
  };
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
      <header className="id-header" onKeyDown={onMenuKey}>
        <div className="id-container id-header-inner">
          <Link to="/" className="id-brand">
            <span className="id-brand-mark" aria-hidden="true" />
            {text('app.name')}
          </Link>
          <button ref={menuButton} type="button" className="id-menu-button" aria-expanded={menuOpen} aria-controls="id-header-menu" onClick={toggleMenu}>
            <span className="id-menu-icon" aria-hidden="true" />
            {text('app.nav.menu')}
          </button>
          <div ref={menu} id="id-header-menu" className="id-header-menu" data-open={menuOpen ? '' : undefined} onClick={onMenuClick}>
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
