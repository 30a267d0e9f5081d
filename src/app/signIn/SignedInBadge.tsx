import { useEffect } from 'react';
import { useText } from '../../ui/useText.ts';
import { appBackendConfig } from '../appBackend.ts';
import { apiKeyStorage } from './apiKeyStorage.ts';
import { checkApiKey } from './checkApiKey.ts';
import type { ServerIdentity } from './ServerIdentity.ts';
import { useSignInStore } from './useSignInStore.ts';

/**
 * The header's "Signed in as …" and "Sign out", in server mode with a key. After a reload it asks
 * the server who the key belongs to (`GET /v1/me`); a key it no longer accepts signs the person out.
 */
export function SignedInBadge() {
  const text = useText();
  const { signedIn, identity, setIdentity, signOut } = useSignInStore();
  const { baseUrl } = appBackendConfig() as { baseUrl?: string };

  useEffect(() => {
    const key = apiKeyStorage.read();
    if (!signedIn || identity || !key) return;
    let cancelled = false;
    void checkApiKey(baseUrl ?? '', key).then((result) => {
      if (cancelled) return;
      if (result.ok) return setIdentity(result.identity);
      if (result.problem.kind === 'refused') signOut('key-refused');
    });
    return () => {
      cancelled = true;
    };
  }, [signedIn, identity, baseUrl, setIdentity, signOut]);

  if (!signedIn) return null;
  return (
    <div className="id-signed-in">
      <span className="id-signed-in-who">{identity ? text('app.signIn.signedInAs', { who: describeRole(text, identity) }) : ''}</span>
      <button type="button" className="id-link-button" onClick={() => signOut()}>
        {text('app.signIn.signOut')}
      </button>
    </div>
  );
}

function describeRole(text: ReturnType<typeof useText>, identity: ServerIdentity): string {
  return identity.role.kind === 'admin' ? text('app.signIn.roles.admin') : text('app.signIn.roles.teamManager', { team: identity.role.teamName ?? identity.role.team });
}
