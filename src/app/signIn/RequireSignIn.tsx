import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { appBackendConfig } from '../appBackend.ts';
import { useSignInStore, type SignedOutReason } from './useSignInStore.ts';
import { onSignedOut } from './watchForSignedOut.ts';

/** What the sign-in page is told through the router: where to go back to, and why it is shown. */
export interface SignInRouteState {
  from?: string;
  reason?: SignedOutReason;
}

/**
 * The pages that need a key, in server mode: without one they send the person to `/sign-in`,
 * remembering where they wanted to go; a key the server stops accepting mid-session does the
 * same, with a note. The memory demo (and the build's prerender, which has no storage) passes through.
 */
export function RequireSignIn() {
  const isServer = appBackendConfig().kind === 'server';
  const signedIn = useSignInStore((state) => state.signedIn);
  const reason = useSignInStore((state) => state.signedOutReason);
  const location = useLocation();
  useEffect(() => (isServer ? onSignedOut(() => useSignInStore.getState().signOut('key-refused')) : undefined), [isServer]);
  if (!isServer || signedIn || typeof sessionStorage === 'undefined') return <Outlet />;
  const state: SignInRouteState = { from: `${location.pathname}${location.search}`, ...(reason ? { reason } : {}) };
  return <Navigate to="/sign-in" replace state={state} />;
}
