/**
 * The fetch the server backend uses: a 401 to a request that carried a key means the key is no
 * longer accepted (revoked, expired). It tells the listeners (the app sends the person to sign in)
 * and never hands the 401 to the flow, which would otherwise take it for "not permitted" and save
 * the session there: the call stays pending until it is cancelled or times out, so the saved
 * session stays at the step that made the call and resumes there after signing in.
 */
export async function watchForSignedOut(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await globalThis.fetch(input, init);
  if (response.status !== 401 || !carriesKey(init)) return response;
  for (const listener of [...listeners]) listener();
  const signal = init?.signal;
  return new Promise<Response>((_resolve, reject) => {
    if (!signal) return;
    if (signal.aborted) reject(signal.reason as Error);
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}

const listeners = new Set<() => void>();

/** Calls `listener` whenever the server refuses the key during a session; returns the unsubscribe. */
export function onSignedOut(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function carriesKey(init: RequestInit | undefined): boolean {
  const headers = new Headers(init?.headers);
  return /^Bearer ./i.test(headers.get('authorization') ?? '');
}
