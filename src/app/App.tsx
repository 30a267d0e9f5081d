import { lazy, Suspense } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { appBackendConfig } from './appBackend.ts';
import { AppShell } from './AppShell.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RequireSignIn } from './signIn/RequireSignIn.tsx';
import { StartPage } from './StartPage.tsx';
import { WithFlowTexts } from './WithFlowTexts.tsx';

// The engine, flows and step views load with the first flow, not with the start page.
const FlowPage = lazy(() => import('./FlowPage.tsx').then((module) => ({ default: module.FlowPage })));
const SessionsPage = lazy(() => import('./SessionsPage.tsx').then((module) => ({ default: module.SessionsPage })));
const InvitationsPage = lazy(() => import('./invitations/InvitationsPage.tsx').then((module) => ({ default: module.InvitationsPage })));
const SignInPage = lazy(() => import('./signIn/SignInPage.tsx').then((module) => ({ default: module.SignInPage })));

/**
 * The SPA: `/` start, `/flows/:flowId/steps/:stepId?session=` a running check, `/sessions` recent
 * sessions; with the server, `/sign-in`, and every other page needs a key.
 */
export function App({ i18n }: { i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <Suspense fallback={<p className="id-boot">…</p>}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </Suspense>
    </I18nextProvider>
  );
}

/** The route tree, apart from its router: the build renders the start route with a memory router (`renderStartShell`). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        {appBackendConfig().kind === 'server' && <Route path="sign-in" element={<SignInPage />} />}
        <Route element={<RequireSignIn />}>
          <Route index element={<StartPage />} />
          <Route element={<WithFlowTexts />}>
            <Route path="flows/:flowId/*" element={<FlowPage />} />
            <Route path="sessions" element={<SessionsPage />} />
            <Route path="invitations" element={<InvitationsPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
