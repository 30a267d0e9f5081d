/** See {@link createFocusGuard}. */
export interface FocusGuard {
  /** The person is using the widget (or opened it): step headings may take focus again. */
  engage(): void;
  dispose(): void;
}

/**
 * Keeps the widget from taking focus on its own. A step heading takes focus when it appears (the
 * wizard's way of starting each step from its top), which in a host page would pull focus and
 * scroll to the widget on page load, or when a backend call ends while the person is elsewhere.
 * Until the person engages with the widget (pointer, key or focus inside it, or opening the
 * dialog) such a focus is undone; once focus moves to the host page, it is guarded again.
 */
export function createFocusGuard(root: ShadowRoot): FocusGuard {
  let engaged = false;
  const scroll = createScrollMemory(root.host);
  const engage = () => {
    engaged = true;
  };
  const onFocusIn = (event: Event) => {
    const target = event.target as HTMLElement;
    if (engaged) return;
    if (!target.matches('.id-heading')) return engage();
    const previous = (event as FocusEvent).relatedTarget as HTMLElement | null;
    target.blur();
    previous?.focus({ preventScroll: true });
    // The browser has already scrolled the heading into view (its scroll event comes later).
    scroll.restore();
  };
  const onFocusOut = (event: Event) => {
    const next = (event as FocusEvent).relatedTarget as Node | null;
    if (next && !root.contains(next)) engaged = false;
  };
  root.addEventListener('pointerdown', engage, true);
  root.addEventListener('keydown', engage, true);
  root.addEventListener('focusin', onFocusIn, true);
  root.addEventListener('focusout', onFocusOut, true);
  return {
    engage,
    dispose() {
      scroll.dispose();
      root.removeEventListener('pointerdown', engage, true);
      root.removeEventListener('keydown', engage, true);
      root.removeEventListener('focusin', onFocusIn, true);
      root.removeEventListener('focusout', onFocusOut, true);
    },
  };
}

/**
 * Where the page and the element's scrolled ancestors were last seen, from their own scroll
 * events (observed, passively, never changed), so a scroll the widget caused can be undone.
 */
function createScrollMemory(element: Element) {
  const view = element.ownerDocument.defaultView;
  const seen = new Map<Element, [number, number]>();
  let page: [number, number] = [view?.scrollX ?? 0, view?.scrollY ?? 0];
  const remember = () => {
    for (let node = composedParent(element); node; node = composedParent(node)) if (!seen.has(node)) seen.set(node, [node.scrollLeft, node.scrollTop]);
  };
  const onScroll = (event: Event) => {
    const target = event.target;
    if (target instanceof Element) seen.set(target, [target.scrollLeft, target.scrollTop]);
    else page = [view?.scrollX ?? 0, view?.scrollY ?? 0];
  };
  remember();
  view?.addEventListener('scroll', onScroll, { capture: true, passive: true });
  return {
    restore() {
      remember();
      for (let node = composedParent(element); node; node = composedParent(node)) {
        const [left, top] = seen.get(node) ?? [node.scrollLeft, node.scrollTop];
        if (node.scrollLeft !== left || node.scrollTop !== top) node.scrollTo(left, top);
      }
      if (view && (view.scrollX !== page[0] || view.scrollY !== page[1])) view.scrollTo(page[0], page[1]);
    },
    dispose: () => view?.removeEventListener('scroll', onScroll, { capture: true }),
  };
}

function composedParent(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
