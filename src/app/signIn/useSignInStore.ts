import { create } from 'zustand';
import { forgetAppBackend } from '../appBackend.ts';
import { apiKeyStorage } from './apiKeyStorage.ts';
import type { ServerIdentity } from './ServerIdentity.ts';

/** Why the person is on the sign-in page without having asked to be. */
export type SignedOutReason = 'key-refused';

export interface SignInState {
  /** A key is kept for this tab (server mode). The key itself is only in sessionStorage. */
  signedIn: boolean;
  /** Who the key belongs to, once known. */
  identity: ServerIdentity | null;
  /** Why the key was forgotten, when the person did not sign out themselves. */
  signedOutReason: SignedOutReason | null;
  signIn(key: string, identity: ServerIdentity): void;
  setIdentity(identity: ServerIdentity): void;
  /** Forgets the key (sign out, or the server no longer accepts it). Saved sessions stay. */
  signOut(reason?: SignedOutReason): void;
}

/** Server-mode sign-in state, in memory only; not persisted, because the key must not be. */
export const useSignInStore = create<SignInState>()((set) => ({
  signedIn: apiKeyStorage.read() !== undefined,
  identity: null,
  signedOutReason: null,
  signIn(key, identity) {
    apiKeyStorage.save(key);
    forgetAppBackend();
    set({ signedIn: true, identity, signedOutReason: null });
  },
  setIdentity(identity) {
    set({ identity });
  },
  signOut(reason) {
    apiKeyStorage.clear();
    forgetAppBackend();
    set({ signedIn: false, identity: null, signedOutReason: reason ?? null });
  },
}));
