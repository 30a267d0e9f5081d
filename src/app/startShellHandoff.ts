/**
 * What the person did in the prerendered start page (see `scripts/startShellScript.ts`) before
 * the app replaced it: the address typed so far and whether the field had the focus.
 */
export interface StartShellHandoff {
  email: string;
  focused: boolean;
}

let pending: StartShellHandoff | null | undefined;

/**
 * Reads the prerendered field once, while it is still in the document: React removes the shell
 * when it first commits, so the start page calls this while rendering. Later calls return the
 * same answer until {@link finishStartShellHandoff}; afterwards (the start page mounted again,
 * a test) there is nothing to take over.
 */
export function takeStartShellHandoff(): StartShellHandoff | null {
  if (pending !== undefined) return pending;
  const field = typeof document === 'undefined' ? null : document.querySelector<HTMLInputElement>('[data-start-shell] #start-email');
  pending = field ? { email: field.value, focused: document.activeElement === field } : null;
  return pending;
}

/** The start page has taken over: nothing more to hand over. */
export function finishStartShellHandoff(): void {
  pending = null;
}
