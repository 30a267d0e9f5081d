import { afterEach } from 'vitest';
import { configure, within } from '@testing-library/dom';
import type { WidgetEventMap } from '../../../src/embed/index.ts';

// The widget loads its session code, texts and flow lazily: give each find a few seconds.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  document.body.replaceChildren();
});

const watched = new WeakSet<ShadowRoot>();

/**
 * jsdom caches computed styles and clears the cache on changes to nodes attached to the document,
 * but not to nodes inside a shadow tree: a dialog that loses `hidden` would still compute as
 * `display: none`, and role queries would not see it. Any change inside the widget therefore
 * touches the light DOM once, which clears the cache.
 */
function refreshStylesOnChange(root: ShadowRoot) {
  if (watched.has(root)) return;
  watched.add(root);
  let tick = 0;
  new MutationObserver(() => document.documentElement.setAttribute('data-jsdom-style-tick', String((tick += 1)))).observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
}

/** Role queries inside a widget's shadow root. */
export function inShadow(element: Element) {
  if (element.shadowRoot) refreshStylesOnChange(element.shadowRoot);
  // The widget's React container, so failure messages can print the DOM (a ShadowRoot cannot be).
  const container = element.shadowRoot?.querySelector<HTMLElement>('.idw-root');
  if (!container) throw new Error('no widget in this element');
  return within(container);
}

/** Every widget event that reaches the document, in order. */
export function recordWidgetEvents() {
  const events: Array<{ type: keyof WidgetEventMap; detail: unknown; composed: boolean }> = [];
  const types: Array<keyof WidgetEventMap> = ['invite-doctor:step', 'invite-doctor:outcome', 'invite-doctor:escalation'];
  const listener = (event: Event) => events.push({ type: event.type as keyof WidgetEventMap, detail: (event as CustomEvent).detail, composed: event.composed });
  for (const type of types) document.addEventListener(type, listener);
  return {
    events,
    of: <K extends keyof WidgetEventMap>(type: K) => events.filter((event) => event.type === type).map((event) => event.detail as WidgetEventMap[K]['detail']),
  };
}
