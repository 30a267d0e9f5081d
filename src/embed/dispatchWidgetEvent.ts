import type { WidgetEventMap } from './WidgetOptions.ts';

type Detail<K extends keyof WidgetEventMap> = WidgetEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatches a widget event on the host element; it bubbles and crosses shadow boundaries. */
export function dispatchWidgetEvent<K extends keyof WidgetEventMap>(host: EventTarget, type: K, detail: Detail<K>): void {
  host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
