/**
 * Reads the one-time code of a sign-in link (`/sign-in#code=…`) and removes the fragment from the
 * address bar and the history entry at once, before any request, so the code is not left behind
 * in the history, a bookmark or a screenshot. The router's state in the entry is kept.
 */
export function takeSignInCode(): string | null {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const code = fragment.get('code');
  if (window.location.hash) window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
  return code?.trim() ? code.trim() : null;
}
