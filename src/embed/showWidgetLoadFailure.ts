/**
 * The note an `<invite-doctor>` shows when the widget module could not load. English only: the
 * widget's translations live in the module that failed.
 */
export const widgetLoadFailureText = 'Invitation help could not load. Please reload the page, or contact support if it keeps happening.';

/**
 * After a failed load, puts {@link widgetLoadFailureText} into the shadow root of every
 * `<invite-doctor>` in `document` that has none (the module never upgraded it), so the box where
 * help was promised does not stay silently empty. Elements still being parsed are covered by
 * waiting for `DOMContentLoaded`; elements added later by script are not (their host's
 * `InviteDoctor.ready` or `mount()` rejects instead).
 */
export function showWidgetLoadFailure(document: Document): void {
  const mark = () => {
    for (const element of document.querySelectorAll('invite-doctor')) {
      if (element.shadowRoot) continue;
      const root = element.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = ':host{display:block}p{margin:0;padding:.75em 1em;border:1px solid #b42318;border-radius:6px;background:#fff;color:#7a271a;font:14px/1.4 system-ui,sans-serif}';
      const note = document.createElement('p');
      note.setAttribute('part', 'load-error');
      note.textContent = widgetLoadFailureText;
      root.append(style, note);
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mark, { once: true });
  else mark();
}
