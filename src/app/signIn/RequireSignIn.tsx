import { useEffect, useEffectEvent } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
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
  const location = useLocation();
  const navigate = useNavigate();
  const from = `${location.pathname}${location.search}`;
  const keyRefused = useEffectEvent(() => {
    navigate('/sign-in', { state: { from, reason: 'key-refused' } satisfies SignInRouteState });
    useSignInStore.getState().signOut();
  });
  useEffect(() => (isServer ? onSignedOut(keyRefused) : undefined), [isServer]);
  if (!isServer || signedIn || typeof sessionStorage === 'undefined') return <Outlet />;
  return <Navigate to="/sign-in" replace state={{ from } satisfies SignInRouteState} />;
}
