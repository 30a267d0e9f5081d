import type { BridgeEndpoint, BridgeTarget } from '../../../src/adapters/index.ts';

type Listener = (event: MessageEvent) => void;

/** A window for bridge tests: an origin and its message listeners; deliveries are async, like postMessage. */
export interface FakeWindow extends BridgeEndpoint {
  origin: string;
  /** Delivers a message as if posted by `source` from `origin`. */
  deliver(data: unknown, origin: string, source: unknown): void;
}

export function createFakeWindow(origin: string): FakeWindow {
  const listeners = new Set<Listener>();
  return {
    origin,
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
    deliver(data, from, source) {
      const copy = structuredClone(data);
      setTimeout(() => {
        for (const listener of [...listeners]) listener({ data: copy, origin: from, source } as MessageEvent);
      }, 0);
    },
  };
}

export interface PostedMessage {
  data: unknown;
  targetOrigin: string;
}

/**
 * A host page with the widget in a frame on another origin: `parent` is the host as the widget
 * sees it (`window.parent`), `frame` the widget as the host sees it (`iframe.contentWindow`).
 * Like a browser, a message posted for an origin other than the receiver's is dropped.
 */
export function createFramedPair(hostOrigin = 'https://admin.example.com', widgetOrigin = 'https://widget.example.net') {
  const host = createFakeWindow(hostOrigin);
  const widget = createFakeWindow(widgetOrigin);
  const posted: { toHost: PostedMessage[]; toWidget: PostedMessage[] } = { toHost: [], toWidget: [] };
  const parent: BridgeTarget = {
    postMessage(data, targetOrigin) {
      posted.toHost.push({ data, targetOrigin });
      if (targetOrigin === host.origin || targetOrigin === '*') host.deliver(data, widget.origin, frame);
    },
  };
  const frame: BridgeTarget = {
    postMessage(data, targetOrigin) {
      posted.toWidget.push({ data, targetOrigin });
      if (targetOrigin === widget.origin || targetOrigin === '*') widget.deliver(data, host.origin, parent);
    },
  };
  return { host, widget, parent, frame, posted };
}
