/**
 * The postMessage bridge on its own (`dist-widget/invite-doctor-bridge.js`), for the host page
 * that serves its backend to a widget in a cross-origin frame: it needs this, not the widget.
 * Wire format: `bridgeProtocol` in src/adapters/bridge/bridgeProtocol.ts.
 */
export { serveBackendOverBridge } from '../adapters/bridge/serveBackendOverBridge.ts';
export { createBridgeBackend } from '../adapters/bridge/createBridgeBackend.ts';
export { bridgeProtocol, bridgeVersion } from '../adapters/bridge/bridgeProtocol.ts';
export type { BridgeBackend } from '../adapters/bridge/createBridgeBackend.ts';
export type { BridgeBackendOptions, ServeBridgeOptions, BridgeServer, BridgeEndpoint, BridgeTarget } from '../adapters/bridge/BridgeOptions.ts';
export type { BridgeMethod, BridgeRequest, BridgeResponse, BridgeAbort } from '../adapters/bridge/bridgeProtocol.ts';
