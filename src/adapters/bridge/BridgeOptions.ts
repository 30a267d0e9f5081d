import type { Capability } from '../../engine/InvitationBackend.ts';

/** Where bridge messages arrive: a window (the default is the current one). */
export interface BridgeEndpoint {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Where bridge messages go: `window.parent` on the widget side, `iframe.contentWindow` on the host side. */
export interface BridgeTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

/** The widget side: {@link createBridgeBackend}. */
export interface BridgeBackendOptions {
  /** The window that serves the backend, usually `window.parent`. Replies from any other window are ignored. */
  target: BridgeTarget;
  /** Exact origins (`https://admin.example.com`) replies may come from; requests go to the first. No wildcards. */
  allowedOrigins: readonly string[];
  /** How long a call may take before it resolves `unavailable` / `timeout`. @default 10000 */
  timeoutMs?: number;
  /** The operations the host offers, when known up front; otherwise `connect()` asks. @default none until connect */
  capabilities?: readonly Capability[];
  /** Where replies arrive. @default window */
  endpoint?: BridgeEndpoint;
}

/** The host side: {@link serveBackendOverBridge}. */
export interface ServeBridgeOptions {
  /** Exact origins (`https://widget.example.net`) the widget runs on. No wildcards. */
  allowedOrigins: readonly string[];
  /** The widget's window (`iframe.contentWindow`), or a function returning it; requests from any other window are ignored. */
  source: BridgeTarget | (() => BridgeTarget | null | undefined);
  /** Where requests arrive. @default window */
  endpoint?: BridgeEndpoint;
}

/** A running bridge server; `close()` stops answering and aborts the calls in flight. */
export interface BridgeServer {
  close(): void;
}
